package org.tongpao.core.rest;

import java.net.URI;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * A {@code 201 Created} answer whose {@code Location} has one form in every bundle: the API's base URI, then
 * the collection's path, then the id ({@code http://127.0.0.1:8181/api/v1/inventory/lots/42}). The REST layer
 * sets that base URI from the configured public base URL (PID {@code org.tongpao.rest}, {@code publicBaseUrl})
 * or the listener's address, never from the client's {@code Host} header.
 */
public final class Created {

    private Created() {
    }

    /** 201 with {@code entity} and the {@code Location} of {@code path/id} below the API's base. */
    public static Response response(UriInfo uriInfo, String path, long id, Object entity) {
        return Response.created(location(uriInfo, path, id)).entity(entity).build();
    }

    /**
     * {@code path} is relative to the API's base ({@code "units"}, {@code "inventory/lots"}); surrounding
     * slashes are ignored. Scheme and authority come from the request URI, which the REST layer sets; only the
     * path of the base URI is used, since CXF swaps a loopback base host for the {@code Host} header. Plain
     * string building: CXF's UriBuilder cost 13 % of a REST stock movement.
     */
    public static URI location(UriInfo uriInfo, String path, long id) {
        StringBuilder sb = base(uriInfo, path.length() + 24);
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        if (to > from) {
            sb.append(path, from, to).append('/');
        }
        return URI.create(sb.append(id).toString());
    }

    /**
     * The API's base URI as {@link #location} writes it, ending in a slash ({@code http://127.0.0.1:8181/api/v1/}):
     * for absolute URLs a resource hands out other than {@code Location}, e.g. a link printed on a document.
     *
     * @since 1.4
     */
    public static URI base(UriInfo uriInfo) {
        return URI.create(base(uriInfo, 0).toString());
    }

    private static StringBuilder base(UriInfo uriInfo, int more) {
        URI request = uriInfo.getRequestUri();
        String base = uriInfo.getBaseUri().getRawPath();
        StringBuilder sb = new StringBuilder(64 + base.length() + more).append(request.getScheme())
                .append("://").append(request.getRawAuthority()).append(base);
        if (!base.endsWith("/")) {
            sb.append('/');
        }
        return sb;
    }
}
