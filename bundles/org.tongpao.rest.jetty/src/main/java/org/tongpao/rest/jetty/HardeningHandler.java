package org.tongpao.rest.jetty;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpOutput;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Wraps everything pax-web serves (inserted in front of its handlers by etc/jetty.xml), so that each answer of
 * the node, whichever servlet or Jetty part writes it:
 * <ul>
 * <li>has a request id: a missing or malformed {@code X-Request-Id} is replaced on the request, so the REST
 * layer echoes and logs the same id that an error written here carries;</li>
 * <li>carries {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy: no-referrer};</li>
 * <li>refuses TRACE and TRACK (405), which would echo credentials back;</li>
 * <li>reports an error as problem+json: errors sent inside a pax-web context are handed to the server's
 * {@link ProblemErrorHandler} instead of the context's HTML one, and an HTML error body a servlet writes
 * itself (CXF's "No service was found.") is replaced by {@link ProblemBodyInterceptor}.</li>
 * </ul>
 */
public class HardeningHandler extends HandlerWrapper {
    private static final Set<String> REFUSED_METHODS = Set.of("TRACE", "TRACK");

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String sent = baseRequest.getHeader(ProblemBody.REQUEST_ID);
        String requestId = ProblemBody.requestId(sent);
        if (!requestId.equals(sent)) {
            baseRequest.getHttpFields().put(ProblemBody.REQUEST_ID, requestId);
        }
        SecurityHeaders.apply(baseRequest.getResponse().getHttpFields());
        if (REFUSED_METHODS.contains(baseRequest.getMethod().toUpperCase(Locale.ROOT))) {
            ProblemErrorHandler.write(baseRequest, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        HttpOutput out = baseRequest.getResponse().getHttpOutput();
        out.setInterceptor(new ProblemBodyInterceptor(baseRequest, out.getInterceptor()));
        try {
            super.handle(target, baseRequest, request, response);
        } finally {
            // without a context Jetty dispatches a sent error to the server's (problem) handler
            baseRequest.removeAttribute(ErrorHandler.ERROR_CONTEXT);
        }
    }
}
