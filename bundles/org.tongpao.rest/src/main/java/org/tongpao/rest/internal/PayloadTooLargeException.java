package org.tongpao.rest.internal;

import javax.ws.rs.WebApplicationException;

/** The request body is larger than the configured limit (413). */
final class PayloadTooLargeException extends WebApplicationException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes", 413);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
