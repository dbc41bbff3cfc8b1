package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_fed_outbox}: queue a message, read the unsent ones oldest first, mark them sent, a link's backlog. */
final class OutboxRows {

    /** One queued message. */
    record Row(long id, String recipient, String type, String version, Instant occurredAt, String body,
            Instant queuedAt) {
    }

    /** A link's messages not yet acknowledged by the broker, and when the oldest of them was queued (null: none). */
    record Backlog(long count, Instant oldest) {
    }

    private OutboxRows() {
    }

    static long insert(Connection c, String recipient, String type, String version, Instant occurredAt, String body,
            Instant queuedAt) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_fed_outbox (recipient, type, version, occurred_at, body, queued_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", Jdbc.args(recipient, type, version, occurredAt, body, queuedAt));
    }

    /**
     * The oldest unsent rows to {@code recipients}, by the unsent flag (never after a cursor: a row whose
     * transaction commits late has a lower id than rows already sent, and must still be found).
     */
    static List<Row> unsent(Connection c, Collection<String> recipients, int limit) throws SQLException {
        if (recipients.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(recipients.size(), "?"));
        return Jdbc.query(c, "SELECT id, recipient, type, version, occurred_at, body, queued_at FROM tp_fed_outbox"
                + " WHERE sent_at IS NULL AND recipient IN (" + marks + ") ORDER BY id FETCH FIRST " + limit
                + " ROWS ONLY", new ArrayList<>(recipients), rs -> new Row(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), Sql.getInstant(rs, 5), rs.getString(6), Sql.getInstant(rs, 7)));
    }

    static void markSent(Connection c, List<Long> ids, Instant at) throws SQLException {
        Jdbc.batch(c, "UPDATE tp_fed_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL",
                ids.stream().map(id -> Jdbc.args(at, id)).toList());
    }

    /** Deletes up to {@code limit} rows sent before {@code before}, oldest first; returns how many. */
    static int pruneSent(Connection c, Instant before, int limit) throws SQLException {
        List<Long> ids = Jdbc.query(c, "SELECT id FROM tp_fed_outbox WHERE sent_at < ? ORDER BY sent_at FETCH FIRST "
                + limit + " ROWS ONLY", Jdbc.args(before), rs -> rs.getLong(1));
        Jdbc.batch(c, "DELETE FROM tp_fed_outbox WHERE id = ?", ids.stream().map(Jdbc::args).toList());
        if (!ids.isEmpty()) { // the ids handed out must stay known once their rows are gone (OutboxHighWater)
            OutboxHighWater.pruned(c, ids.stream().mapToLong(Long::longValue).max().getAsLong());
        }
        return ids.size();
    }

    static Backlog backlog(Connection c, String recipient) throws SQLException {
        long count = Jdbc.count(c, "SELECT COUNT(*) FROM tp_fed_outbox WHERE recipient = ? AND sent_at IS NULL",
                Jdbc.args(recipient));
        Instant oldest = count == 0 ? null : Jdbc.one(c, "SELECT queued_at FROM tp_fed_outbox WHERE recipient = ?"
                + " AND sent_at IS NULL ORDER BY id FETCH FIRST 1 ROWS ONLY", Jdbc.args(recipient),
                rs -> Sql.getInstant(rs, 1)).orElse(null);
        return new Backlog(count, oldest);
    }

    static Instant lastSent(Connection c, String recipient) throws SQLException {
        return Jdbc.one(c, "SELECT MAX(sent_at) FROM tp_fed_outbox WHERE recipient = ?", Jdbc.args(recipient),
                rs -> Sql.getInstant(rs, 1)).orElse(null);
    }
}
