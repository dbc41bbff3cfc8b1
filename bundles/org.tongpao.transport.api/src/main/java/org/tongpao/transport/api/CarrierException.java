package org.tongpao.transport.api;

/**
 * A carrier's refusal or failure, with a message fit for a logistics officer. {@code retryable} says
 * whether trying again later may succeed (the carrier's system is down) or not (the order is refused).
 */
public class CarrierException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public CarrierException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public CarrierException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
