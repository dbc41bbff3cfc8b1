package org.tongpao.rest.internal;

import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import org.slf4j.MDC;

/** First filter of every request: fixes the request id, puts it in the MDC, echoes it on the response. */
@PreMatching
@Priority(RequestIdFilter.PRIORITY)
final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final int PRIORITY = 100;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The client's id when well formed (so it can correlate), else a fresh UUID. */
    static String accept(String header) {
        if (header != null && WELL_FORMED.matcher(header).matches()) {
            return header;
        }
        return UUID.randomUUID().toString();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String id = accept(request.getHeaderString(RestConstants.REQUEST_ID));
        request.setProperty(RequestState.REQUEST_ID_PROPERTY, id);
        MDC.put(RestConstants.MDC_REQUEST_ID, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestState.REQUEST_ID_PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(RestConstants.REQUEST_ID, id.toString());
        }
        MDC.remove(RestConstants.MDC_REQUEST_ID);
    }
}
