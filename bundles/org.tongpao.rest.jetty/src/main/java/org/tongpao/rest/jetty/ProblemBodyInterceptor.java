package org.tongpao.rest.jetty;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpOutput;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Replaces the body of an error answer written as HTML or text (a servlet's own error page) with the
 * problem for its status. Decided at the first write, before anything is committed; other answers pass through
 * untouched.
 */
final class ProblemBodyInterceptor implements HttpOutput.Interceptor {
    private final Request request;
    private final HttpOutput.Interceptor next;
    private Boolean replacing;

    ProblemBodyInterceptor(Request request, HttpOutput.Interceptor next) {
        this.request = request;
        this.next = next;
    }

    /** An error page a servlet wrote as HTML or text; JSON (a problem, a DOWN health report) stays as it is. */
    static boolean needsReplacing(int status, String contentType, boolean committed) {
        return status >= 400 && !committed
                && (contentType == null || contentType.toLowerCase(Locale.ROOT).startsWith("text/"));
    }

    @Override
    public void write(ByteBuffer content, boolean last, Callback callback) {
        Response response = request.getResponse();
        if (replacing == null) {
            replacing = needsReplacing(response.getStatus(), response.getContentType(), response.isCommitted())
                    && !"HEAD".equals(request.getMethod());
        }
        if (!replacing) {
            next.write(content, last, callback);
            return;
        }
        BufferUtil.clear(content);
        if (!last) {
            callback.succeeded();
            return;
        }
        String requestId = ProblemBody.requestId(request.getHeader(ProblemBody.REQUEST_ID));
        byte[] body = ProblemBody.bytes(response.getStatus(), request.getRequestURI(), requestId);
        response.getHttpFields().put(HttpHeader.CONTENT_TYPE, ProblemBody.PROBLEM_JSON);
        response.getHttpFields().put(ProblemBody.REQUEST_ID, requestId);
        response.getHttpFields().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.setContentLengthLong(body.length);
        next.write(ByteBuffer.wrap(body), true, callback);
    }

    @Override
    public HttpOutput.Interceptor getNextInterceptor() {
        return next;
    }

    @Override
    public boolean isOptimizedForDirectBuffers() {
        return next.isOptimizedForDirectBuffers();
    }
}
