package org.tongpao.core.persistence;

import java.sql.Connection;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one event publisher: an event is recorded in core's outbox table on the caller's connection, in
 * the caller's transaction, and posted to EventAdmin after that transaction commits (a rolled-back change
 * publishes nothing). Delivery is at least once: an event a crash left unposted is posted at the next
 * start, oldest first, with its properties as read back from JSON (numbers as {@code Long}, times as
 * ISO-8601 text). Topics are {@code org/tongpao/<bundle>/<EVENT>}.
 *
 * @since 2.3
 */
@ProviderType
public interface EventOutbox {

    /**
     * Records an event in the running transaction of {@code connection} (one INSERT); it is posted after
     * the commit of the {@link Transactions#inTransaction}/{@link Transactions#write} running on this thread.
     * Property values must serialise as JSON (text, numbers, booleans, {@code Instant}, lists, maps).
     *
     * @throws IllegalStateException when {@code connection} is in autocommit mode or no transaction of
     *                               {@link Transactions} runs on this thread
     */
    void record(Connection connection, String topic, Map<String, ?> properties);
}
