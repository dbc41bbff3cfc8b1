package org.tongpao.core;

/**
 * The request contradicts the current state: duplicate code, stale version, not enough stock, a depot whose
 * ledger another node keeps (409). {@link #field()} names the request field the conflict is about, when one is.
 */
public class ConflictException extends TongpaoException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    /**
     * A conflict about the request field {@code field} (may be null), e.g. a {@code depotId} naming a depot
     * whose ledger another node keeps.
     *
     * @since 1.3
     */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** JSON name of the request field the conflict is about, or null. @since 1.3 */
    public String field() {
        return field;
    }
}
