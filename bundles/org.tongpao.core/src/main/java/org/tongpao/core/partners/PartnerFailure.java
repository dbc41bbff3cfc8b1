package org.tongpao.core.partners;

/**
 * Why a call to a partner (a carrier, a procurement channel) produced no usable answer. REFUSED: the
 * partner said no, with its own message; UNAVAILABLE: not installed, or its worker queue is full; TIMEOUT:
 * no answer within the time limit; BROKEN: it threw something else, answered nothing, or answered against
 * the contract.
 */
public final class PartnerFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind { REFUSED, UNAVAILABLE, TIMEOUT, BROKEN }

    private final Kind kind;
    private final boolean retryable;

    public PartnerFailure(Kind kind, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryable = retryable;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether trying again later may work (false for a partner's firm refusal). */
    public boolean retryable() {
        return retryable;
    }
}
