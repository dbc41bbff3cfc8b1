package org.tongpao.rest.internal;

import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

/**
 * A write sent without a body and without {@code Content-Type} (a bare {@code POST …/deactivate}) is taken as
 * an empty JSON body: JAX-RS would answer 415 since no {@code @Consumes} matches a missing type. Operations
 * whose body is optional then run; those that need one answer 400 "request body is empty".
 */
@PreMatching
@Priority(BareBodyFilter.PRIORITY)
final class BareBodyFilter implements ContainerRequestFilter {
    static final int PRIORITY = 60;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void filter(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && !request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
