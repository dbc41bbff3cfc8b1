package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each link last sent and received a message, and the lag of its last arrival: noted in memory as it happens,
 * and read from the tables once per link after a start. {@code /health} (public, polled) and the status page must
 * not search the outbox and inbox, which grow with every message, on every request.
 */
final class LinkActivity {

    /** One link's last activity; null times: never; lag -1: nothing received. */
    record Seen(Instant lastSent, Instant lastReceived, long lagMillis) {
        static final Seen NONE = new Seen(null, null, -1);

        /** The later of each: the last sent, and the last received with its own lag. */
        Seen merge(Seen other) {
            Instant sent = lastSent == null || other.lastSent != null && other.lastSent.isAfter(lastSent)
                    ? other.lastSent : lastSent;
            boolean otherReceivedLater = lastReceived == null
                    || other.lastReceived != null && other.lastReceived.isAfter(lastReceived);
            return otherReceivedLater && other.lastReceived != null
                    ? new Seen(sent, other.lastReceived, other.lagMillis) : new Seen(sent, lastReceived, lagMillis);
        }
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    void sent(String node, Instant at) {
        seen.merge(node, new Seen(at, null, -1), Seen::merge);
    }

    /** A message arrived from {@code node} at {@code at}; {@code queuedAt} (null: unknown) gives its lag. */
    void received(String node, Instant at, Instant queuedAt) {
        long lag = queuedAt == null ? -1 : Math.max(0, Duration.between(queuedAt, at).toMillis());
        seen.merge(node, new Seen(null, at, lag), Seen::merge);
    }

    /** {@code node}'s last activity (from the tables the first time after a start). */
    Seen of(Connection c, String node) throws SQLException {
        if (!loaded.contains(node)) {
            InboxRows.Last last = InboxRows.last(c, node);
            Seen stored = new Seen(OutboxRows.lastSent(c, node), last == null ? null : last.receivedAt(), last == null
                    ? -1 : Math.max(0, Duration.between(last.queuedAt(), last.receivedAt()).toMillis()));
            seen.merge(node, stored, Seen::merge);
            loaded.add(node);
        }
        return seen.getOrDefault(node, Seen.NONE);
    }
}
