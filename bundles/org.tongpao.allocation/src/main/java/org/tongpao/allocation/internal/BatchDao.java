package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Sql;

/** SQL for batches and their lines. */
final class BatchDao {
    private static final String COLUMNS = "id, batch_no, title, destination_seq, kind, status, plan_id, offer_id, province_code, "
            + "from_province, approved_by, approved_at, dispatched_by, dispatched_at, dispatch_key, failure, created_at";

    private BatchDao() {
    }

    /** A proposed line before it is stored. */
    record Draft(Long needId, long itemId, long fromDepotId, long toDepotId, long quantity, String reason) {
    }

    /** A batch with the fields the API does not show (the dispatch key). */
    record Row(Batch batch, String dispatchKey) {
    }

    static long insert(Connection c, String kind, Long planId, Long offerId, String province, String fromProvince,
            String approvedBy, String approveKey, List<Draft> lines) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_alloc_batch (kind, status, plan_id, offer_id, "
                + "province_code, from_province, approved_by, approve_key, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind);
            ps.setString(2, BatchStatus.RESERVING.name());
            Sql.setLong(ps, 3, planId);
            Sql.setLong(ps, 4, offerId);
            ps.setString(5, province);
            ps.setString(6, fromProvince);
            ps.setString(7, approvedBy);
            ps.setString(8, approveKey);
            Sql.setInstant(ps, 9, Sql.now());
            ps.executeUpdate();
            id = Sql.generatedId(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_alloc_batch_line (batch_id, line_no, need_id, "
                + "item_id, from_depot_id, to_depot_id, quantity, status, received_qty, damaged_qty, reason) "
                + "VALUES (?,?,?,?,?,?,?,'PLANNED',0,0,?)")) {
            int n = 1;
            for (Draft d : lines) {
                ps.setLong(1, id);
                ps.setInt(2, n++);
                Sql.setLong(ps, 3, d.needId());
                ps.setLong(4, d.itemId());
                ps.setLong(5, d.fromDepotId());
                ps.setLong(6, d.toDepotId());
                ps.setLong(7, d.quantity());
                ps.setString(8, PlanDao.cut(d.reason(), 1000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    static List<Row> query(Connection c, String where, List<Object> args, String tail, boolean details)
            throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tp_alloc_batch WHERE " + where
                + (tail == null ? "" : tail))) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(new Batch(rs.getLong("id"), rs.getString("batch_no"), rs.getString("title"),
                            (Integer) rs.getObject("destination_seq"), rs.getString("kind"), BatchStatus.valueOf(rs.getString("status")),
                            Sql.getLong(rs, "plan_id"), Sql.getLong(rs, "offer_id"), rs.getString("province_code"),
                            rs.getString("from_province"), rs.getString("approved_by"),
                            Sql.getInstant(rs, "approved_at"), rs.getString("dispatched_by"),
                            Sql.getInstant(rs, "dispatched_at"), rs.getString("failure"),
                            Sql.getInstant(rs, "created_at"), List.of()), rs.getString("dispatch_key")));
                }
            }
        }
        if (!details) {
            return out;
        }
        List<Row> full = new ArrayList<>();
        for (Row r : out) {
            Batch b = r.batch();
            full.add(new Row(new Batch(b.id(), b.number(), b.title(), b.destinationSequence(), b.kind(), b.status(), b.planId(), b.offerId(),
                    b.provinceCode(), b.fromProvinceCode(), b.approvedBy(), b.approvedAt(), b.dispatchedBy(),
                    b.dispatchedAt(), b.failure(), b.createdAt(), lines(c, b.id())), r.dispatchKey()));
        }
        return full;
    }

    static Row get(Connection c, long id) throws SQLException {
        List<Row> rows = query(c, "id = ?", List.of(id), null, true);
        if (rows.isEmpty()) {
            throw new NotFoundException("Batch", id);
        }
        return rows.get(0);
    }

    /** The receipt key and user of a line, to tell a repeated receipt from a second one. */
    record Receipt(String key, String user) {
    }

    static Receipt receipt(Connection c, long lineId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT receipt_key, received_by FROM tp_alloc_batch_line WHERE id = ?")) {
            ps.setLong(1, lineId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Receipt(rs.getString(1), rs.getString(2)) : new Receipt(null, null);
            }
        }
    }

    private static List<BatchLine> lines(Connection c, long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, line_no, need_id, item_id, from_depot_id, "
                + "to_depot_id, quantity, status, reservation_id, transfer_id, received_qty, damaged_qty, reason "
                + "FROM tp_alloc_batch_line WHERE batch_id = ? ORDER BY line_no")) {
            ps.setLong(1, batchId);
            List<BatchLine> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BatchLine(rs.getLong("id"), rs.getInt("line_no"), Sql.getLong(rs, "need_id"),
                            rs.getLong("item_id"), rs.getLong("from_depot_id"), rs.getLong("to_depot_id"),
                            rs.getLong("quantity"), rs.getString("status"), Sql.getLong(rs, "reservation_id"),
                            Sql.getLong(rs, "transfer_id"), rs.getLong("received_qty"), rs.getLong("damaged_qty"),
                            rs.getString("reason")));
                }
            }
            return out;
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof java.time.Instant t) {
                    Sql.setInstant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            return ps.executeUpdate();
        }
    }
}
