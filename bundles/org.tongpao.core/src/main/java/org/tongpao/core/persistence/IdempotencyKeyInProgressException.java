package org.tongpao.core.persistence;

import org.tongpao.core.ConflictException;

/**
 * Another request with the same Idempotency-Key is still being processed and did not finish within the
 * wait: 409 with {@code Retry-After}. Sending the request again later returns that request's answer.
 */
public class IdempotencyKeyInProgressException extends ConflictException implements RetryLater {
    private static final long serialVersionUID = 1L;
    private final int retryAfterSeconds;

    public IdempotencyKeyInProgressException(String key, int retryAfterSeconds) {
        super("A request with Idempotency-Key " + key + " is in progress; send it again later for its result");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
