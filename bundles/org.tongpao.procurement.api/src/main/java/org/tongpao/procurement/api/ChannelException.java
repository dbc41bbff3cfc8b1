package org.tongpao.procurement.api;

/**
 * A channel's refusal or failure, with a message fit for a procurement officer. {@code retryable} says
 * whether trying again later may succeed (the channel's system is down) or not (the order is refused).
 */
public class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public ChannelException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ChannelException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
