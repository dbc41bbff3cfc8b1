package org.tongpao.rest.internal;

import java.net.URI;
import java.util.Locale;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the request's base and request URIs start with the configured public base URL (or, when none is
 * configured, the listener the request came in on, e.g. {@code http://127.0.0.1:8181}), never with the
 * client's {@code Host} header. Every absolute URL the API builds from {@code UriInfo} — {@code Location} of
 * a 201, the Swagger UI's redirect — then has one trusted origin.
 */
@PreMatching
@Priority(PublicBaseUriFilter.PRIORITY)
final class PublicBaseUriFilter implements ContainerRequestFilter {
    /** Before anything reads UriInfo. */
    static final int PRIORITY = 50;
    private static final Logger LOG = LoggerFactory.getLogger(PublicBaseUriFilter.class);

    /** Scheme, authority and optional path prefix, without a trailing slash; null: the listener's. */
    private final String origin;

    @Context
    private HttpServletRequest servletRequest;

    PublicBaseUriFilter(String publicBaseUrl) {
        this.origin = origin(publicBaseUrl);
    }

    /**
     * The configured public base URL as a prefix, or null when blank or unusable (then the listener's address
     * is used; an unusable value is logged, not fatal, so a typo cannot take the API down).
     */
    static String origin(String publicBaseUrl) {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(publicBaseUrl.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null) {
                throw new IllegalArgumentException("not an http(s) URL without user, query or fragment");
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + u.getRawAuthority() + path;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            LOG.error("Ignoring publicBaseUrl '{}' of org.tongpao.rest ({}); Location headers use the listener's address",
                    publicBaseUrl, e.getMessage());
            return null;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String o = origin != null ? origin : listener(servletRequest);
        if (o == null) {
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        URI uri = request.getUriInfo().getRequestUri();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        request.setRequestUri(URI.create(o + base.getRawPath()), URI.create(o + uri.getRawPath() + query));
    }

    /** {@code http://<local address>:<local port>} of the connection: the listener, which no client can choose. */
    static String listener(HttpServletRequest r) {
        if (r == null || r.getLocalAddr() == null) {
            return null;
        }
        String host = r.getLocalAddr();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (r.isSecure() ? "https" : "http") + "://" + host + ":" + r.getLocalPort();
    }
}
