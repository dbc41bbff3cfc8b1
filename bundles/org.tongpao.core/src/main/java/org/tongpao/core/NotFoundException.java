package org.tongpao.core;

/**
 * The entity does not exist, or the caller may not know that it does (404). Both cases carry the same
 * message, built only from what the caller sent, so the answer never tells them apart.
 */
public class NotFoundException extends TongpaoException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** An id named in the request's path (or a code the caller looked up). */
    public NotFoundException(String entity, Object id) {
        this(entity + " " + id + " not found", (String) null);
    }

    private NotFoundException(String message, String field) {
        super(message);
        this.field = field;
    }

    /**
     * An id named in the request body that names nothing the caller can see: 404 naming the field, with a
     * detail that names only the field and the id the caller sent (e.g. {@code depotId 12 not found}).
     *
     * @since 1.1
     */
    public static NotFoundException ofField(String field, Object id) {
        return new NotFoundException(field + " " + id + " not found", field);
    }

    /** The request body's field that named the id, or null for an id in the path. @since 1.1 */
    public String field() {
        return field;
    }

    /** With a ready detail, e.g. the stored answer of an Idempotency-Key replayed (since 1.1). */
    public NotFoundException(String detail) {
        this(detail, (String) null);
    }
}
