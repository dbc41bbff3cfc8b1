package org.tongpao.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

/**
 * Refuses bodies above the operation's limit ({@link BodyLimits}): up front from Content-Length, and for chunked
 * bodies by counting what the reader consumes, so a resource never buffers more than the limit. It runs once the
 * operation is matched (its limit depends on it) but before authentication and before the body is read.
 */
@Priority(RequestIdFilter.PRIORITY + 10)
final class BodyLimitFilter implements ContainerRequestFilter {
    private final BodyLimits limits;

    @Context
    private ResourceInfo resourceInfo;

    BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long maxBytes = limits.forOperation(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        InputStream in = request.getEntityStream();
        if (in != null) {
            request.setEntityStream(new LimitedInputStream(in, maxBytes));
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // the container rejects a broken Content-Length; the stream cap still applies
            return -1;
        }
    }

    /** Fails with 413 as soon as more than {@code max} bytes have been read. */
    static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) {
            count += n;
            if (count > max) {
                throw new PayloadTooLargeException(max);
            }
        }
    }
}
