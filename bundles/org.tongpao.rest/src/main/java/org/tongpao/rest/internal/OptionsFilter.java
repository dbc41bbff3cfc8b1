package org.tongpao.rest.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.apache.cxf.jaxrs.JAXRSServiceImpl;
import org.apache.cxf.jaxrs.impl.MetadataMap;
import org.apache.cxf.jaxrs.model.ClassResourceInfo;
import org.apache.cxf.jaxrs.utils.HttpUtils;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;

/**
 * Answers {@code OPTIONS} with the methods the path really has. CXF's default answer lists every method of every
 * resource class whose root path matches (DELETE on paths that answer 405 to it). The methods of a path are in
 * the public OpenAPI document already, so this needs no credentials; a path without a resource is a 404.
 */
@PreMatching
@Priority(OptionsFilter.PRIORITY)
final class OptionsFilter implements ContainerRequestFilter {
    /** After the request id is fixed (RequestIdFilter), so the answer carries it. */
    static final int PRIORITY = RequestIdFilter.PRIORITY + 10;
    private static final List<String> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Message message = JAXRSUtils.getCurrentMessage();
        Set<String> allowed = message == null ? Set.of() : allowed(message);
        if (allowed.isEmpty()) {
            request.abortWith(Problems.response(Problems.problem(404, "not-found", "Not Found",
                    "no resource at this path", request.getUriInfo().getRequestUri().getRawPath(),
                    String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY)))));
            return;
        }
        request.abortWith(Response.ok().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build());
    }

    /** The methods some resource method of the request's path accepts, HEAD with GET, OPTIONS when any. */
    static Set<String> allowed(Message message) {
        if (!(message.getExchange().getService() instanceof JAXRSServiceImpl service)) {
            return Set.of();
        }
        String path = HttpUtils.getPathToMatch(message, true);
        List<ClassResourceInfo> classes = service.getClassResourceInfos();
        Map<ClassResourceInfo, MultivaluedMap<String, String>> matched = JAXRSUtils.selectResourceClass(classes, path,
                message);
        Set<String> allowed = new LinkedHashSet<>();
        if (matched == null || matched.isEmpty()) {
            return allowed;
        }
        for (String method : METHODS) {
            // quiet lookup (no exception, no warning) with any body type and any accepted type
            if (JAXRSUtils.findTargetMethod(matched, message, method, new MetadataMap<>(), MediaType.WILDCARD,
                    List.of(MediaType.WILDCARD_TYPE), false, false) != null) {
                allowed.add(method);
                if (HttpMethod.GET.equals(method)) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add(HttpMethod.OPTIONS);
        }
        return allowed;
    }
}
