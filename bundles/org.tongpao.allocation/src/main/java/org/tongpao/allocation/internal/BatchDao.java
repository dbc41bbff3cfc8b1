package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/** SQL for batches and their lines. */
final class BatchDao {
    private static final String COLUMNS = "id, batch_no, title, destination_seq, kind, status, plan_id, offer_id, province_code, "
            + "from_province, approved_by, approved_at, dispatched_by, dispatched_at, dispatch_key, failure, created_at";

    private BatchDao() {
    }

    /** A proposed line before it is stored; {@code toOrgUnitId} set (and {@code toDepotId} 0) for a line to a unit. */
    record Draft(Long needId, long itemId, long fromDepotId, long toDepotId, long quantity, String reason,
            Long toOrgUnitId) {
        Draft(Long needId, long itemId, long fromDepotId, long toDepotId, long quantity, String reason) {
            this(needId, itemId, fromDepotId, toDepotId, quantity, reason, null);
        }
    }

    /** A batch with the fields the API does not show (the dispatch key). */
    record Row(Batch batch, String dispatchKey) {
    }

    static long insert(Connection c, String kind, Long planId, Long offerId, String province, String fromProvince,
            String approvedBy, String approveKey, List<Draft> lines) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_alloc_batch (kind, status, plan_id, offer_id, province_code, "
                + "from_province, approved_by, approve_key, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                Jdbc.args(kind, BatchStatus.RESERVING, planId, offerId, province, fromProvince, approvedBy, approveKey,
                        Sql.now()));
        List<List<?>> rows = new ArrayList<>();
        int n = 1;
        for (Draft d : lines) {
            rows.add(Jdbc.args(id, n++, d.needId(), d.itemId(), d.fromDepotId(),
                    d.toOrgUnitId() != null ? null : d.toDepotId(), d.toOrgUnitId(), d.quantity(),
                    PlanDao.cut(d.reason(), 1000)));
        }
        Jdbc.batch(c, "INSERT INTO tp_alloc_batch_line (batch_id, line_no, need_id, item_id, from_depot_id, "
                + "to_depot_id, to_org_unit_id, quantity, status, received_qty, damaged_qty, reason) "
                + "VALUES (?,?,?,?,?,?,?,?,'PLANNED',0,0,?)", rows);
        return id;
    }

    static List<Row> query(Connection c, String where, List<Object> args, String tail, boolean details)
            throws SQLException {
        List<Row> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM tp_alloc_batch WHERE " + where
                + (tail == null ? "" : tail), args, rs -> new Row(batch(rs).build(), rs.getString("dispatch_key")));
        if (!details) {
            return rows;
        }
        List<Row> full = new ArrayList<>();
        for (Row r : rows) {
            full.add(new Row(r.batch().toBuilder().lines(lines(c, r.batch().id())).build(), r.dispatchKey()));
        }
        return full;
    }

    private static Batch.Builder batch(ResultSet rs) throws SQLException {
        return Batch.builder().id(rs.getLong("id")).number(rs.getString("batch_no")).title(rs.getString("title"))
                .destinationSequence((Integer) rs.getObject("destination_seq")).kind(rs.getString("kind"))
                .status(BatchStatus.valueOf(rs.getString("status"))).planId(Sql.getLong(rs, "plan_id"))
                .offerId(Sql.getLong(rs, "offer_id")).provinceCode(rs.getString("province_code"))
                .fromProvinceCode(rs.getString("from_province")).approvedBy(rs.getString("approved_by"))
                .approvedAt(Sql.getInstant(rs, "approved_at")).dispatchedBy(rs.getString("dispatched_by"))
                .dispatchedAt(Sql.getInstant(rs, "dispatched_at")).failure(rs.getString("failure"))
                .createdAt(Sql.getInstant(rs, "created_at")).lines(List.of());
    }

    static Row get(Connection c, long id) throws SQLException {
        List<Row> rows = query(c, "id = ?", List.of(id), null, true);
        if (rows.isEmpty()) {
            throw new NotFoundException("Batch", id);
        }
        return rows.get(0);
    }

    /** The batch with its lines, read in a transaction of its own. */
    static Row read(DataSource ds, long id) {
        return Transactions.read(ds, c -> get(c, id));
    }

    /** The batch an approval by {@code user} with {@code key} made for the plan or offer ({@code ownerColumn}). */
    static Optional<Long> approvedWithKey(Connection c, String user, String key, String ownerColumn, long ownerId)
            throws SQLException {
        return Jdbc.one(c, "SELECT id FROM tp_alloc_batch WHERE approved_by = ? AND approve_key = ? AND " + ownerColumn
                + " = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", Jdbc.args(user, key, ownerId), rs -> rs.getLong(1));
    }

    /** The receipt key and user of a line, to tell a repeated receipt from a second one. */
    record Receipt(String key, String user) {
    }

    static Receipt receipt(Connection c, long lineId) throws SQLException {
        return Jdbc.one(c, "SELECT receipt_key, received_by FROM tp_alloc_batch_line WHERE id = ?", Jdbc.args(lineId),
                rs -> new Receipt(rs.getString(1), rs.getString(2))).orElse(new Receipt(null, null));
    }

    private static List<BatchLine> lines(Connection c, long batchId) throws SQLException {
        return Jdbc.query(c, "SELECT id, line_no, need_id, item_id, from_depot_id, to_depot_id, quantity, status, "
                + "reservation_id, transfer_id, received_qty, damaged_qty, reason, to_org_unit_id FROM tp_alloc_batch_line "
                + "WHERE batch_id = ? ORDER BY line_no", Jdbc.args(batchId), rs -> new BatchLine(rs.getLong("id"),
                        rs.getInt("line_no"), Sql.getLong(rs, "need_id"), rs.getLong("item_id"),
                        rs.getLong("from_depot_id"), rs.getLong("to_depot_id"), rs.getLong("quantity"),
                        rs.getString("status"), Sql.getLong(rs, "reservation_id"), Sql.getLong(rs, "transfer_id"),
                        rs.getLong("received_qty"), rs.getLong("damaged_qty"), rs.getString("reason"),
                        Sql.getLong(rs, "to_org_unit_id")));
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        return Jdbc.update(c, sql, Jdbc.args(args));
    }
}
