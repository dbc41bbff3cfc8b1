package org.tongpao.procurement.internal.channels;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.ProgressDocument;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressStatus;

/** SQL of the channels' tables: the channels seen, their progress (kept until applied), their pull cursors. */
final class ProgressStore {
    /** Where an event came from. */
    enum Source { PULL, PUSH, BUNDLE }

    /** A stored event that no order took yet. */
    record Kept(long id, String channelId, ProgressEvent event) {
    }

    /** A channel seen before, as stored. */
    record Seen(String id, String name, String cursor, Instant polledAt, String pollProblem) {
    }

    private static final String SEEN = "SELECT c.channel_id, c.name, c.progress_cursor, c.polled_at, c.poll_problem "
            + "FROM tp_proc_channel c";

    private ProgressStore() {
    }

    /** Records that a channel is installed under this name now. */
    static void seen(Connection c, String channelId, String name, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE tp_proc_channel SET name = ?, last_seen = ? WHERE channel_id = ?", List.of(name, now, channelId)) == 0) {
            Jdbc.update(c, "INSERT INTO tp_proc_channel (channel_id, name, first_seen, last_seen) VALUES (?, ?, ?, ?)",
                    List.of(channelId, name, now, now));
        }
    }

    static List<Seen> seenAll(Connection c) throws SQLException {
        return Jdbc.query(c, SEEN + " ORDER BY c.channel_id", List.of(), ProgressStore::seenRow);
    }

    static Optional<Seen> seen(Connection c, String channelId) throws SQLException {
        return Jdbc.one(c, SEEN + " WHERE c.channel_id = ?", List.of(channelId), ProgressStore::seenRow);
    }

    private static Seen seenRow(ResultSet rs) throws SQLException {
        return new Seen(rs.getString(1), rs.getString(2), rs.getString(3), Sql.getInstant(rs, 4), rs.getString(5));
    }

    /** How many of the channel's events wait for an order. */
    static long keptCount(Connection c, String channelId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_proc_channel_progress WHERE channel_id = ? AND applied_at IS NULL",
                List.of(channelId));
    }

    /** After a pull: the cursor to ask from next time (stored with the pulled events), or the problem. */
    static void polled(Connection c, String channelId, String cursor, String problem, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE tp_proc_channel SET progress_cursor = ?, polled_at = ?, poll_problem = ? WHERE channel_id = ?",
                Jdbc.args(cursor, now, problem, channelId));
    }

    /** Stores an event; returns its row id, or empty when the channel sent this event id before. */
    static Optional<Long> insert(Connection c, String channelId, ProgressEvent e, Source source, Instant now) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM tp_proc_channel_progress WHERE channel_id = ? AND event_id = ?",
                List.of(channelId, e.eventId())) > 0) {
            return Optional.empty();
        }
        long id = Jdbc.insert(c, "INSERT INTO tp_proc_channel_progress (channel_id, event_id, channel_order_ref, status, "
                + "occurred_at, line_ref, quantity, expected_date, note, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Jdbc.args(channelId, e.eventId(), e.channelOrderRef(), e.status(), e.at(), e.lineRef(), e.quantity(),
                        e.expectedDate(), e.note(), source, now));
        List<List<?>> docs = new ArrayList<>();
        for (int i = 0; i < e.documents().size(); i++) {
            ProgressDocument d = e.documents().get(i);
            docs.add(Jdbc.args(id, i, d.kind(), d.number(), d.issued(), d.link()));
        }
        if (!docs.isEmpty()) {
            Jdbc.batch(c, "INSERT INTO tp_proc_channel_document (progress_id, seq, kind, number, issued, link) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", docs);
        }
        return Optional.of(id);
    }

    static void applied(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE tp_proc_channel_progress SET applied_at = ?, apply_problem = NULL WHERE id = ?", List.of(now, id));
    }

    /** The orders code refused the event: it stays kept, with the reason, out of the sweep. */
    static void refused(Connection c, long id, String problem) throws SQLException {
        Jdbc.update(c, "UPDATE tp_proc_channel_progress SET apply_problem = ? WHERE id = ?",
                List.of(problem.length() > 1000 ? problem.substring(0, 1000) : problem, id));
    }

    /** Kept events of one order reference, oldest first. */
    static List<Kept> kept(Connection c, String channelId, String channelOrderRef) throws SQLException {
        return withDocuments(c, Jdbc.query(c, "SELECT * FROM tp_proc_channel_progress WHERE channel_id = ? AND "
                + "channel_order_ref = ? AND applied_at IS NULL ORDER BY occurred_at, id", List.of(channelId, channelOrderRef),
                ProgressStore::keptRow));
    }

    /** The oldest kept events of every channel that the orders code did not refuse, at most {@code limit}. */
    static List<Kept> oldestKept(Connection c, int limit) throws SQLException {
        return withDocuments(c, Jdbc.query(c, "SELECT * FROM tp_proc_channel_progress WHERE applied_at IS NULL "
                + "AND apply_problem IS NULL "
                + "ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", List.of(), ProgressStore::keptRow));
    }

    private static Kept keptRow(ResultSet rs) throws SQLException {
        ProgressEvent e = new ProgressEvent(rs.getString("event_id"), rs.getString("channel_order_ref"),
                ProgressStatus.valueOf(rs.getString("status")), Sql.getInstant(rs, "occurred_at"), rs.getString("line_ref"),
                Sql.getLong(rs, "quantity"), Jdbc.localDate(rs, "expected_date"), List.of(), rs.getString("note"));
        return new Kept(rs.getLong("id"), rs.getString("channel_id"), e);
    }

    private static List<Kept> withDocuments(Connection c, List<Kept> rows) throws SQLException {
        List<Kept> out = new ArrayList<>(rows.size());
        for (Kept k : rows) {
            List<ProgressDocument> docs = Jdbc.query(c, "SELECT kind, number, issued, link FROM tp_proc_channel_document "
                    + "WHERE progress_id = ? ORDER BY seq", List.of(k.id()), rs -> new ProgressDocument(
                            DocumentKind.valueOf(rs.getString(1)), rs.getString(2), Jdbc.localDate(rs, "issued"), rs.getString(4)));
            ProgressEvent e = k.event();
            out.add(docs.isEmpty() ? k : new Kept(k.id(), k.channelId(), new ProgressEvent(e.eventId(), e.channelOrderRef(),
                    e.status(), e.at(), e.lineRef(), e.quantity(), e.expectedDate(), docs, e.note())));
        }
        return out;
    }
}
