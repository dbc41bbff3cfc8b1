package org.tongpao.core.persistence;

/**
 * An event had to be forwarded (an installed bundle declares a forwarder for its topic) but no such forwarder was
 * bound within the outbox's wait: the node is starting, stopping or reconfiguring. The change is rolled back, so
 * it is never committed unforwarded; the same request can be sent again shortly. Answered 503 with
 * {@code Retry-After}; the federation inbox retries the message in place.
 *
 * @since 2.6
 */
public class ForwardingUnavailableException extends DataAccessException implements RetryLater {
    private static final long serialVersionUID = 1L;
    private static final int RETRY_AFTER_SECONDS = 5;
    private final String topic;

    public ForwardingUnavailableException(String topic, String pattern) {
        super("Events of " + topic + " must be forwarded (" + pattern + ") and no forwarder for them is running yet;"
                + " nothing was written: try again shortly", null);
        this.topic = topic;
    }

    /** The topic that could not be forwarded. */
    public String topic() {
        return topic;
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
