package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** The rebuild runs of this node ({@code tp_fedinv_rebuild}); every change on the caller's transaction. */
final class RebuildRuns {
    private static final String COLUMNS = "id, province_code, source, run_state, next_cursor, pages, rows_applied,"
            + " rows_expected, next_local_lot_id, reserved_dropped, last_received, started_at, updated_at,"
            + " finished_at, last_error";

    private RebuildRuns() {
    }

    /** The newest run, if any. */
    static Optional<RebuildRun> current(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM tp_fedinv_rebuild ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                List.of(), RebuildRuns::map);
    }

    static RebuildRun start(Connection c, String province, String source, Instant now) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_fedinv_rebuild (province_code, source, run_state, pages, rows_applied,"
                + " reserved_dropped, started_at, updated_at) VALUES (?, ?, ?, 0, 0, 0, ?, ?)",
                Jdbc.args(province, source, RebuildRun.RUNNING, now, now));
        return byId(c, id);
    }

    static RebuildRun byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM tp_fedinv_rebuild WHERE id = ?", Jdbc.args(id), RebuildRuns::map)
                .orElseThrow(() -> new IllegalStateException("no rebuild run " + id));
    }

    /** Marks a stopped run RUNNING again (resuming from its cursor). */
    static void resume(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE tp_fedinv_rebuild SET run_state = ?, last_error = NULL, updated_at = ? WHERE id = ?",
                Jdbc.args(RebuildRun.RUNNING, now, id));
    }

    /** What the first page's manifest announced. */
    static void expect(Connection c, long id, long rows, long nextLocalLotId, String lastReceived) throws SQLException {
        Jdbc.update(c, "UPDATE tp_fedinv_rebuild SET rows_expected = ?, next_local_lot_id = ?, last_received = ?"
                + " WHERE id = ?", Jdbc.args(rows, nextLocalLotId, lastReceived, id));
    }

    /**
     * Records a page applied: the cursor moves from {@code from} to {@code to}. Refused (409) when the stored
     * cursor is no longer {@code from}: another runner applied that page.
     */
    static void advance(Connection c, RebuildRun run, String to, int rows, long nextLocalLotId, long reservedDropped,
            Instant now) throws SQLException {
        String guard = run.cursor() == null ? "next_cursor IS NULL" : "next_cursor = ?";
        List<Object> args = Jdbc.args(to, rows, nextLocalLotId, reservedDropped, now, run.id());
        if (run.cursor() != null) {
            args.add(run.cursor());
        }
        int changed = Jdbc.update(c, "UPDATE tp_fedinv_rebuild SET next_cursor = ?, pages = pages + 1,"
                + " rows_applied = rows_applied + ?, next_local_lot_id = ?, reserved_dropped = reserved_dropped + ?,"
                + " updated_at = ? WHERE id = ? AND run_state = 'RUNNING' AND " + guard, args);
        if (changed != 1) {
            throw new ConflictException("rebuild run " + run.id() + " was advanced or stopped by another runner");
        }
    }

    static void finish(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE tp_fedinv_rebuild SET run_state = ?, finished_at = ?, updated_at = ? WHERE id = ?",
                Jdbc.args(RebuildRun.DONE, now, now, id));
    }

    static void fail(Connection c, long id, String error, Instant now) throws SQLException {
        String text = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        Jdbc.update(c, "UPDATE tp_fedinv_rebuild SET run_state = ?, last_error = ?, updated_at = ? WHERE id = ?"
                + " AND run_state = 'RUNNING'", Jdbc.args(RebuildRun.FAILED, text, now, id));
    }

    private static RebuildRun map(ResultSet rs) throws SQLException {
        return new RebuildRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), nullableLong(rs, 8), nullableLong(rs, 9), rs.getLong(10), rs.getString(11),
                Sql.getInstant(rs, 12), Sql.getInstant(rs, 13), Sql.getInstant(rs, 14), rs.getString(15));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
