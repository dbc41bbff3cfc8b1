package org.tongpao.rest.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;

/**
 * HTTP Basic against the realm. Runs after matching so {@code @PermitAll} methods and the API
 * documentation stay open; there, valid credentials still yield a caller and bad ones are ignored.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    private final Authenticator authenticator;
    private final Supplier<String> realm;

    @Context
    private ResourceInfo resourceInfo;

    AuthenticationFilter(Authenticator authenticator, Supplier<String> realm) {
        this.authenticator = authenticator;
        this.realm = realm;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean open = AccessRules.isPublic(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            if (!open) {
                request.abortWith(unauthorized(request, "authentication required"));
            }
            return;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(header);
        if (credentials.isEmpty()) {
            LOG.debug("Malformed Basic credentials on {}", request.getUriInfo().getPath());
            if (!open) {
                request.abortWith(unauthorized(request, "malformed Basic credentials"));
            }
            return;
        }
        BasicCredentials c = credentials.get();
        Optional<Authenticator.Identity> identity;
        try {
            identity = authenticator.authenticate(c.user(), c.password());
        } finally {
            Arrays.fill(c.password(), '\0');
        }
        if (identity.isEmpty()) {
            // info, not warn: failed logins are routine and would otherwise flood the log
            LOG.info("Failed login for user '{}'", printable(c.user()));
            if (!open) {
                request.abortWith(unauthorized(request, "invalid credentials"));
            }
            return;
        }
        String requestId = String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY));
        Caller caller = Caller.of(identity.get().user(), identity.get().roles(), requestId);
        request.setProperty(RequestState.CALLER_PROPERTY, caller);
        request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext() != null
                && request.getSecurityContext().isSecure()));
    }

    private Response unauthorized(ContainerRequestContext request, String detail) {
        Problem p = Problems.problem(401, "unauthorized", "Unauthorized", detail,
                request.getUriInfo().getRequestUri().getRawPath(),
                String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY)));
        return Problems.builder(p)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm.get().replace("\"", "") + "\"")
                .build();
    }

    /** A user name fit for one log line: no control characters, bounded length. */
    static String printable(String user) {
        String s = user.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
