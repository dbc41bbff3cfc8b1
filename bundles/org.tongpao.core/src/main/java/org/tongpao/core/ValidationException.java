package org.tongpao.core;

/** Input breaks a rule; {@link #field()} names the offending field (400). */
public class ValidationException extends TongpaoException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** JSON name of the offending field, or a query parameter / header name. */
    public String field() {
        return field;
    }
}
