package org.tongpao.rest.internal;

import java.util.function.Supplier;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;

/** Enforces {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll} of the matched method, then class. */
@Priority(Priorities.AUTHORIZATION)
final class AuthorizationFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFilter.class);

    private final Supplier<String> realm;

    @Context
    private ResourceInfo resourceInfo;

    AuthorizationFilter(Supplier<String> realm) {
        this.realm = realm;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = (Caller) request.getProperty(RequestState.CALLER_PROPERTY);
        AccessRules.Decision decision = AccessRules.decide(resourceInfo.getResourceMethod(),
                resourceInfo.getResourceClass(), caller);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String requestId = String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY));
        switch (decision) {
            case ALLOW -> {
                // nothing to do
            }
            case FORBIDDEN -> {
                LOG.debug("Denied {} to user '{}'", path, caller == null ? null : caller.user());
                request.abortWith(Problems.response(Problems.problem(403, "forbidden", "Forbidden",
                        "your roles do not allow this operation", path, requestId)));
            }
            // only reachable if the authentication filter was bypassed; answer like it would
            case UNAUTHENTICATED -> request.abortWith(Problems.builder(Problems.problem(401, "unauthorized",
                    "Unauthorized", "authentication required", path, requestId))
                    .header(HttpHeaders.WWW_AUTHENTICATE, AuthenticationFilter.challenge(request, realm.get()))
                    .build());
            default -> throw new IllegalStateException("unknown decision " + decision);
        }
    }
}
