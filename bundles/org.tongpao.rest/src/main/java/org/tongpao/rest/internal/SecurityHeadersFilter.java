package org.tongpao.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Security headers of API answers. JSON answers get a policy that allows nothing; the Swagger UI (no inline
 * scripts since swagger-ui 4.9, but inline styles, data: images and fetches of the document) gets the least it
 * needs; neither may be framed. An answer to a request carrying credentials (Basic or the
 * session cookie) is never stored by a cache. The
 * Jetty layer (org.tongpao.rest.jetty) adds nosniff, X-Frame-Options and Referrer-Policy to every answer,
 * errors it writes itself included; they are repeated here for the API's own answers.
 */
@Priority(Priorities.HEADER_DECORATOR)
final class SecurityHeadersFilter implements ContainerResponseFilter {
    static final String CSP = "Content-Security-Policy";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; manifest-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final String SWAGGER_UI = "org.apache.cxf.jaxrs.swagger.ui.SwaggerUiService";

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        Class<?> resource = resourceInfo == null ? null : resourceInfo.getResourceClass();
        if (!headers.containsKey(CSP)) {
            // a resource that answers with a page of its own (the pass check) sets that page's policy itself
            headers.putSingle(CSP, resource != null && SWAGGER_UI.equals(resource.getName()) ? SWAGGER_UI_POLICY
                    : API_POLICY);
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().containsKey(BrowserSessions.COOKIE)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
