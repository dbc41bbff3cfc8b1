package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_fed_parked}: park a message, count, list and find parked ones, record a retry. */
final class ParkedRows {
    static final int MAX_ERROR = 2000;
    private static final String COLUMNS = "seq, message_id, sender, type, version, reason, error, parked_at, attempts,"
            + " last_attempt_at, resolved_at, payload";

    /** The filters of the parked list; null means any. */
    record Filter(String link, String type, ParkReason reason, Boolean resolved) {
    }

    private ParkedRows() {
    }

    /** Parks a message; false when it is parked already (a redelivery). */
    static boolean park(Connection c, String messageId, String sender, String type, String version, String payload,
            ParkReason reason, String error, Instant at) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM tp_fed_parked WHERE message_id = ?", Jdbc.args(messageId)) > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO tp_fed_parked (message_id, sender, type, version, payload, reason, error, parked_at,"
                + " attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)", Jdbc.args(messageId, sender, cut(type, Nodes.MAX_TYPE),
                        cut(version, 20), payload, reason, cut(error, MAX_ERROR), at));
        return true;
    }

    /** A retry that did not apply the message: the new reason and error, one more attempt. */
    static void failedAgain(Connection c, String messageId, ParkReason reason, String error, Instant at)
            throws SQLException {
        Jdbc.update(c, "UPDATE tp_fed_parked SET reason = ?, error = ?, attempts = attempts + 1, last_attempt_at = ?"
                + " WHERE message_id = ?", Jdbc.args(reason, cut(error, MAX_ERROR), at, messageId));
    }

    static void resolve(Connection c, String messageId, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE tp_fed_parked SET resolved_at = ?, attempts = attempts + 1, last_attempt_at = ?"
                + " WHERE message_id = ? AND resolved_at IS NULL", Jdbc.args(at, at, messageId));
    }

    static Optional<ParkedMessage> find(Connection c, long seq) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM tp_fed_parked WHERE seq = ?", Jdbc.args(seq), ParkedRows::map);
    }

    /** The unresolved messages of {@code type} that a new handler may apply (never the refused ones). */
    static List<Long> retryable(Connection c, String type) throws SQLException {
        return Jdbc.query(c, "SELECT seq FROM tp_fed_parked WHERE resolved_at IS NULL AND type = ? AND reason <> ?"
                + " ORDER BY seq", Jdbc.args(type, ParkReason.REFUSED), rs -> rs.getLong(1));
    }

    static long openCount(Connection c, String sender) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_fed_parked WHERE resolved_at IS NULL AND sender = ?",
                Jdbc.args(sender));
    }

    static Page<ParkedMessage> page(Connection c, Filter filter, int limit, String cursor) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tp_fed_parked WHERE seq > ?");
        List<Object> args = Jdbc.args(Paging.after(cursor));
        if (filter.link() != null) {
            sql.append(" AND sender = ?");
            args.add(filter.link());
        }
        if (filter.type() != null) {
            sql.append(" AND type = ?");
            args.add(filter.type());
        }
        if (filter.reason() != null) {
            sql.append(" AND reason = ?");
            args.add(filter.reason());
        }
        if (filter.resolved() != null) {
            sql.append(filter.resolved() ? " AND resolved_at IS NOT NULL" : " AND resolved_at IS NULL");
        }
        sql.append(Paging.orderAndFetch("seq", limit));
        return Paging.page(new ArrayList<>(Jdbc.query(c, sql.toString(), args, ParkedRows::map)), limit,
                ParkedMessage::seq);
    }

    private static ParkedMessage map(ResultSet rs) throws SQLException {
        return new ParkedMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ParkReason.valueOf(rs.getString(6)), rs.getString(7), Sql.getInstant(rs, 8), rs.getInt(9),
                Sql.getInstant(rs, 10), Sql.getInstant(rs, 11), rs.getString(12));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
