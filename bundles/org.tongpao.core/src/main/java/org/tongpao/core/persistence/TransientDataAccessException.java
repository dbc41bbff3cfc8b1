package org.tongpao.core.persistence;

/**
 * The database kept giving up on a lock (deadlock or lock timeout) after every retry of
 * {@link TransientRetry}: nothing was written, and the same request can simply be sent again. Answered
 * 503 with {@code Retry-After}, never 500.
 */
public class TransientDataAccessException extends DataAccessException implements RetryLater {
    private static final long serialVersionUID = 1L;
    private final int retryAfterSeconds;

    public TransientDataAccessException(String message, Throwable cause, int retryAfterSeconds) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
