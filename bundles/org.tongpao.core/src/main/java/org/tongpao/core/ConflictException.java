package org.tongpao.core;

/** The request contradicts the current state: duplicate code, stale version, not enough stock (409). */
public class ConflictException extends TongpaoException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
