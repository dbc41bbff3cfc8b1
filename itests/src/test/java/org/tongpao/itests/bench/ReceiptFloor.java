package org.tongpao.itests.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The floor under a receipt against an order: the rows such a receipt must write, in one transaction, by hand-written
 * JDBC with none of the services around them (no checks, scope, JSON building, savepoints, idempotency look-ups):
 * the order row locked and read with its line, the budget line and commitment changed, the spend's entry, the
 * receipt and its line, the order line's totals and the order's status, the lot with its balance, posting and
 * movement, three audit rows and three outbox rows (with their published marks) (inventory, funding, procurement each record one of both), and
 * the province × item summary and the day's movement row last. What the services add on top of this is their cost;
 * what this costs is the database's. Bench only: its rows are not a consistent ledger (no checks, fixed JSON).
 */
final class ReceiptFloor {
    private static final BigDecimal PRICE = new BigDecimal("2.50");
    /** About the size of the JSON the services write (the lot, the commitment, the receipt). */
    private static final String AUDIT_JSON = "{\"id\":0,\"itemId\":0,\"depotId\":0,\"origin\":\"PURCHASE_ORDER\","
            + "\"sourceDocument\":\"PO-C-000000/1\",\"expiryDate\":\"2029-12-07\",\"receivedOn\":\"2026-12-07\","
            + "\"status\":\"AVAILABLE\",\"receivedQuantity\":1,\"onHand\":1,\"reserved\":0,\"note\":\"certificate "
            + "CERT-BENCH, batch B-BENCH\",\"createdAt\":\"2026-12-07T20:00:00Z\"}";
    private static final String EVENT_JSON = "{\"postingId\":0,\"operation\":\"receipt\",\"depotId\":0,"
            + "\"itemId\":0,\"quantity\":1,\"actor\":\"system\",\"requestId\":\"bench\"}";

    /** What the floor writes against: a placed order's ids, read once. */
    record Target(long orderId, long orderLineId, long lineId, long commitmentId, long depotId, long itemId,
            String province, String number) {
    }

    private final DataSource ds;

    ReceiptFloor(DataSource ds) {
        this.ds = ds;
    }

    Target target(long orderId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT o.number, "
                + "o.budget_line_id, o.depot_id, o.depot_province, ol.id, ol.item_id, m.id FROM tp_proc_order o "
                + "JOIN tp_proc_order_line ol ON ol.order_id = o.id JOIN tp_fund_commitment m "
                + "ON m.reference = o.commitment_ref WHERE o.id = ?")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String province = rs.getString(4);
                return new Target(orderId, rs.getLong(5), rs.getLong(2), rs.getLong(7), rs.getLong(3), rs.getLong(6),
                        province == null ? "" : province, rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void receive(Target t) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                write(c, t);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Connection c, Target t) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        update(c, "UPDATE tp_proc_order SET version = version WHERE id = ?", t.orderId());
        read(c, "SELECT * FROM tp_proc_order WHERE id = ?", t.orderId());
        read(c, "SELECT * FROM tp_proc_order_line WHERE order_id = ?", t.orderId());
        // funding: the line (its lock and its amounts), the commitment, the entry, audit and event
        update(c, "UPDATE tp_fund_line SET committed = committed - ?, spent = spent + ?, version = version + 1, "
                + "updated_at = ? WHERE id = ?", PRICE, PRICE, now, t.lineId());
        update(c, "UPDATE tp_fund_commitment SET consumed = consumed + ?, spent = spent + ?, original_paid = "
                + "original_paid + ?, version = version + 1 WHERE id = ?", PRICE, PRICE, PRICE, t.commitmentId());
        long receiptId = insert(c, "INSERT INTO tp_proc_receipt (order_id, received_on, received_by, received_at) "
                + "VALUES (?, ?, ?, ?)", t.orderId(), today, "system", now);
        update(c, "INSERT INTO tp_fund_entry (line_id, commitment_id, kind, entry_key, amount, original_currency, "
                + "original_amount, created_at, created_by) VALUES (?, ?, 'SPEND', ?, ?, 'CNY', ?, ?, ?)", t.lineId(),
                t.commitmentId(), "SPEND:" + t.commitmentId() + ":floor:" + receiptId, PRICE, PRICE, now, "system");
        audit(c, "budget-commitment", "procurement:order:" + t.number(), now);
        event(c, "funding/SPENT", now);
        update(c, "UPDATE tp_proc_order SET status = 'PARTIALLY_RECEIVED', spent_cny = spent_cny + ? WHERE id = ?",
                PRICE, t.orderId());
        // inventory: the lot, its balance, the posting and the movement, audit and event
        long lotId = insert(c, "INSERT INTO tp_inv_lot (item_id, depot_id, origin, source_document, expiry_date, "
                + "received_on, lot_status, received_quantity, created_at) VALUES (?, ?, 'PURCHASE_ORDER', ?, ?, ?, "
                + "'AVAILABLE', 1, ?)", t.itemId(), t.depotId(), t.number() + "/1", today.plusYears(3), today, now);
        update(c, "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved) VALUES (?, ?, ?, 1, 0)",
                lotId, t.depotId(), t.itemId());
        long postingId = insert(c, "INSERT INTO tp_inv_posting (operation, depot_id, actor, request_id, occurred_at) "
                + "VALUES ('receipt', ?, 'system', 'bench', ?)", t.depotId(), now);
        update(c, "INSERT INTO tp_inv_movement (posting_id, movement_type, depot_id, item_id, lot_id, quantity, "
                + "source_document, actor, request_id, occurred_at) VALUES (?, 'RECEIPT', ?, ?, ?, 1, ?, 'system', "
                + "'bench', ?)", postingId, t.depotId(), t.itemId(), lotId, t.number() + "/1", now);
        audit(c, "lot", Long.toString(lotId), now);
        event(c, "inventory/RECEIPT", now);
        // procurement: the receipt's line, the order line's totals, audit and event
        update(c, "INSERT INTO tp_proc_receipt_line (receipt_id, order_line_id, standard, certificate_number, "
                + "production_batch, expiry_date, accepted_quantity, rejected_quantity, lot_id, days_late) "
                + "VALUES (?, ?, 'GB 19083-2010', 'CERT-BENCH', 'B-BENCH', ?, 1, 0, ?, 0)", receiptId,
                t.orderLineId(), today.plusYears(3), lotId);
        update(c, "UPDATE tp_proc_order_line SET accepted_quantity = accepted_quantity + 1 WHERE id = ?",
                t.orderLineId());
        audit(c, "goods-receipt", Long.toString(receiptId), now);
        event(c, "procurement/RECORDED", now);
        // the rows every receipt of the item in the province waits for, last
        update(c, "UPDATE tp_inv_stock_summary SET on_hand = on_hand + 1, lots = lots + 1 WHERE province_code = ? "
                + "AND item_id = ?", t.province(), t.itemId());
        update(c, "UPDATE tp_inv_daily_movement SET quantity = quantity + 1, movements = movements + 1 "
                + "WHERE movement_day = ? AND province_code = ? AND item_id = ? AND movement_type = 'RECEIPT'",
                today, t.province(), t.itemId());
    }

    private static void audit(Connection c, String entity, String id, Timestamp now) throws SQLException {
        update(c, "INSERT INTO tp_audit (occurred_at, actor, actor_role, node_id, request_id, entity, entity_id, "
                + "action, before_json, after_json) VALUES (?, 'system', 'system', 'central', 'bench', ?, ?, "
                + "'receive', NULL, ?)", now, entity, id, AUDIT_JSON);
    }

    /**
     * Marked published in the same transaction (the services' publisher marks its own after the commit, the same
     * work done later): no publisher picks these up and posts events nobody should act on.
     */
    private static void event(Connection c, String topic, Timestamp now) throws SQLException {
        long id = insert(c, "INSERT INTO tp_event_outbox (topic, properties, recorded_at) VALUES (?, ?, ?)",
                "org/tongpao/bench/" + topic, EVENT_JSON, now);
        update(c, "INSERT INTO tp_event_outbox_published (id, published_at) VALUES (?, ?)", id, now);
    }

    private static void read(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepared(c, sql, Statement.NO_GENERATED_KEYS, args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepared(c, sql, Statement.NO_GENERATED_KEYS, args)) {
            ps.executeUpdate();
        }
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepared(c, sql, Statement.RETURN_GENERATED_KEYS, args)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, int keys, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, keys);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            ps.setObject(i + 1, a instanceof LocalDate d ? java.sql.Date.valueOf(d) : a);
        }
        return ps;
    }
}
