package org.tongpao.core.persistence;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;

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

    /**
     * Records an event as {@link #record(Connection, String, Map)} does, naming who caused it: {@code actor} (the
     * caller's user) and {@code requestId}; properties whose value is null are left out (the outbox's JSON keeps
     * no nulls a consumer must tell from "absent").
     *
     * @since 2.8
     */
    default void record(Connection connection, Caller caller, String topic, Map<String, ?> properties) {
        Map<String, Object> p = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                p.put(k, v);
            }
        });
        p.put("actor", caller.user());
        p.put("requestId", caller.requestId());
        record(connection, topic, p);
    }
}
