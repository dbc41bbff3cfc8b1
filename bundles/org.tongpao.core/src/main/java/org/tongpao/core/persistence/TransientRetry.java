package org.tongpao.core.persistence;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry rule for transient lock failures ({@link Sql#TRANSIENT_LOCK_STATES}): a transaction the
 * database rolled back because of a deadlock or a lock timeout runs again whole, after a short, growing,
 * jittered pause that lets the other transaction finish; when it still fails after {@link #ATTEMPTS}
 * attempts, a {@link TransientDataAccessException} (503 with {@code Retry-After}) says so. Only wrap work
 * that is one transaction (or is safe to run again), since a retry runs all of it again.
 */
public final class TransientRetry {
    private static final Logger LOG = LoggerFactory.getLogger(TransientRetry.class);

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 10;
    /** What a client that got the 503 is told to wait. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private TransientRetry() {
    }

    /** Runs {@code work}, again on a transient lock failure; {@code what} names it in the log. */
    public static <T> T run(String what, Supplier<T> work) {
        return run(what, work, TransientRetry::sleep);
    }

    /** As {@link #run(String, Supplier)}, pausing through {@code pause} (milliseconds): for tests. */
    static <T> T run(String what, Supplier<T> work, LongConsumer pause) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (DataAccessException e) {
                if (e instanceof TransientDataAccessException || !Sql.isTransientLock(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    LOG.warn("{} still met concurrent transactions after {} attempts (SQLState {})", what, attempt,
                            e.sqlState());
                    throw new TransientDataAccessException("The database is busy with concurrent changes: " + what
                            + " gave up after " + attempt + " attempts", e, RETRY_AFTER_SECONDS);
                }
                LOG.debug("{} met a concurrent transaction (SQLState {}); attempt {}", what, e.sqlState(),
                        attempt + 1);
                pause.accept(pauseMillis(attempt));
            }
        }
    }

    /** 10 ms per attempt already made, plus up to 10 ms of jitter so two retrying writers drift apart. */
    static long pauseMillis(int attempt) {
        return 10L * attempt + ThreadLocalRandom.current().nextLong(10);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDataAccessException("Interrupted while waiting to retry", e, RETRY_AFTER_SECONDS);
        }
    }
}
