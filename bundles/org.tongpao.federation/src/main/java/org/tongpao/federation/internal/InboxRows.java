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

    /** Whether the message was applied here: its inbox row, or the id kept after retention deleted the row. */
    static boolean applied(Connection c, String messageId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_fed_inbox WHERE message_id = ?", Jdbc.args(messageId)) > 0
                || Jdbc.count(c, "SELECT COUNT(*) FROM tp_fed_inbox_key WHERE message_id = ?", Jdbc.args(messageId)) > 0;
    }

    /** An inbox row past retention: its id and type. */
    record Old(String messageId, String type) {
    }

    /**
     * Up to {@code limit} rows received before {@code before}, never a link's latest one (its last arrival and lag,
     * and what a rebuild reports as received from it, read that row).
     */
    static java.util.List<Old> receivedBefore(Connection c, Instant before, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT message_id, type FROM tp_fed_inbox i WHERE received_at < ? AND received_at < "
                + "(SELECT MAX(received_at) FROM tp_fed_inbox l WHERE l.sender = i.sender) ORDER BY received_at "
                + "FETCH FIRST " + limit + " ROWS ONLY", Jdbc.args(before), rs -> new Old(rs.getString(1),
                        rs.getString(2)));
    }

    /** Deletes the rows {@code old}, keeping the ids of {@code keepIds} in {@code tp_fed_inbox_key}. */
    static void forget(Connection c, java.util.List<Old> old, java.util.List<String> keepIds) throws SQLException {
        Jdbc.batch(c, "INSERT INTO tp_fed_inbox_key (message_id) VALUES (?)", keepIds.stream().map(Jdbc::args).toList());
        Jdbc.batch(c, "DELETE FROM tp_fed_inbox WHERE message_id = ?",
                old.stream().map(o -> Jdbc.args(o.messageId())).toList());
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
