package org.tongpao.rest.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The server's error handler (set in etc/jetty.xml): what Jetty answers without any servlet — a request it
 * cannot parse (400), a URI or headers too large (414, 431), an error sent outside a context — becomes
 * problem+json with a request id instead of Jetty's HTML page. {@link HardeningHandler} routes the errors of
 * pax-web's contexts here too.
 */
public class ProblemErrorHandler extends ErrorHandler {

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setCacheControl("no-store");
    }

    /** Every method gets a body: Jetty's default sends an empty one for PUT, DELETE, OPTIONS and the like. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        // the request could not be parsed: no trustworthy path or request id to quote
        String requestId = ProblemBody.requestId(null);
        fields.put(HttpHeader.CONTENT_TYPE, ProblemBody.PROBLEM_JSON);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(ProblemBody.REQUEST_ID, requestId);
        SecurityHeaders.apply(fields);
        return ByteBuffer.wrap(ProblemBody.bytes(status, null, requestId));
    }

    @Override
    public void doError(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(baseRequest, response, response.getStatus());
    }

    /** Writes the problem for {@code status} as the whole answer. */
    static void write(Request baseRequest, HttpServletResponse response, int status) throws IOException {
        String requestId = ProblemBody.requestId(baseRequest.getHeader(ProblemBody.REQUEST_ID));
        byte[] body = ProblemBody.bytes(status, baseRequest.getRequestURI(), requestId);
        response.setStatus(status);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        response.setHeader(ProblemBody.REQUEST_ID, requestId);
        SecurityHeaders.apply(baseRequest.getResponse().getHttpFields());
        response.setContentType(ProblemBody.PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }
}
