package org.tongpao.rest.internal;

import java.lang.reflect.Method;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.rest.RateLimited;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.RequestRates;

/**
 * Enforces {@link RateLimited} before authentication (a refused call costs no login check): 429 problem+json with
 * {@code Retry-After}, counted per client address by the login guard's address rules.
 */
@Priority(Priorities.AUTHENTICATION - 10)
final class RateLimitFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

    private final LoginGuard guard;

    @Context
    private ResourceInfo resourceInfo;

    RateLimitFilter(LoginGuard guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited declared = declared(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        if (declared == null) {
            return;
        }
        String address = guard.clientAddress(AuthenticationFilter.remoteAddress(),
                request.getHeaderString(AuthenticationFilter.FORWARDED_FOR));
        RequestRates.Verdict verdict = guard.rate(declared.value(),
                new RequestRates.Limit(declared.requests(), declared.perSeconds() * 1000L), address);
        if (verdict.allowed()) {
            return;
        }
        long seconds = verdict.retryAfterSeconds();
        LOG.info("Rate limit '{}' reached by {}: refused for {} s more", declared.value(), address, seconds);
        Problem p = Problems.problem(429, "too-many-requests", "Too many requests",
                "more than " + verdict.limit().requests() + " calls in " + verdict.limit().windowMillis() / 1000
                        + " s from this address; retry in " + seconds + " s",
                request.getUriInfo().getRequestUri().getRawPath(),
                String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY)));
        request.abortWith(Problems.builder(p).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build());
    }

    /** The method's limit, else its class's, else none. */
    static RateLimited declared(Method method, Class<?> resource) {
        RateLimited onMethod = method == null ? null : method.getAnnotation(RateLimited.class);
        if (onMethod != null || resource == null) {
            return onMethod;
        }
        return resource.getAnnotation(RateLimited.class);
    }
}
