package org.tongpao.core;

/** The entity does not exist, or the caller may not know that it does (404). */
public class NotFoundException extends TongpaoException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
    }

    /** With a ready detail, e.g. the stored answer of an Idempotency-Key replayed (since 1.1). */
    public NotFoundException(String detail) {
        super(detail);
    }
}
