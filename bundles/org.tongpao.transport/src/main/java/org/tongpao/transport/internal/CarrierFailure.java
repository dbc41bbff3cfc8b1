package org.tongpao.transport.internal;

/**
 * Why a call to a carrier produced no usable answer. REFUSED: the carrier said no (its own message);
 * UNAVAILABLE: not installed, or its worker queue is full; TIMEOUT: no answer in time; BROKEN: it threw
 * something other than {@code CarrierException} or answered against the contract.
 */
public final class CarrierFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind { REFUSED, UNAVAILABLE, TIMEOUT, BROKEN }

    private final Kind kind;
    private final boolean retryable;

    CarrierFailure(Kind kind, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryable = retryable;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable;
    }
}
