package org.tongpao.core;

/** The caller is known but its role or scope does not allow the action (403). */
public class AccessDeniedException extends TongpaoException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
