package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.federation.Message;

/** SQL of {@code tp_fed_inbox}: the ids of the messages applied on this node, and a link's last arrival. */
final class InboxRows {

    /** When a link's last applied message arrived and was queued by its sender. */
    record Last(Instant receivedAt, Instant queuedAt) {
    }

    private InboxRows() {
    }

    static boolean applied(Connection c, String messageId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_fed_inbox WHERE message_id = ?", Jdbc.args(messageId)) > 0;
    }

    static void insert(Connection c, Message m, String sender, Instant queuedAt, Instant receivedAt)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO tp_fed_inbox (message_id, sender, type, occurred_at, queued_at, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", Jdbc.args(m.id(), sender, m.type(), m.occurredAt(),
                        queuedAt == null ? receivedAt : queuedAt, receivedAt));
    }

    static Last last(Connection c, String sender) throws SQLException {
        return Jdbc.one(c, "SELECT received_at, queued_at FROM tp_fed_inbox WHERE sender = ?"
                + " ORDER BY received_at DESC FETCH FIRST 1 ROWS ONLY", Jdbc.args(sender),
                rs -> new Last(Sql.getInstant(rs, 1), Sql.getInstant(rs, 2))).orElse(null);
    }
}
