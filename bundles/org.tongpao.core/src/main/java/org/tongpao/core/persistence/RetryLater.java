package org.tongpao.core.persistence;

/** A failure that tells the client to try again later; the REST layer sends {@code Retry-After}. */
public interface RetryLater {

    /** Seconds the client should wait before trying again. */
    int retryAfterSeconds();
}
