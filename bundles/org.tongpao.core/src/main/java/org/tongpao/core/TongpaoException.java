package org.tongpao.core;

/** Base of the domain errors; the REST layer maps each subtype to one HTTP status. */
public abstract class TongpaoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected TongpaoException(String message) {
        super(message);
    }

    protected TongpaoException(String message, Throwable cause) {
        super(message, cause);
    }
}
