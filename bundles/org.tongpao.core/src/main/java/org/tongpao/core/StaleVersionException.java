package org.tongpao.core;

/** An update named a version that is no longer current (409). */
public class StaleVersionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(String entity, Object id, long expected, long actual) {
        super(entity + " " + id + " is at version " + actual + ", not " + expected);
    }
}
