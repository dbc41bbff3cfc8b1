package org.tongpao.procurement.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.procurement.GoodsReceipt;
import org.tongpao.procurement.GoodsReceiptLine;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;

/** Receipts against orders and their inspected lines; the order lines' running totals. */
final class ReceiptDao {
    private static final String LINES = "SELECT rl.*, ol.item_id FROM tp_proc_receipt_line rl "
            + "JOIN tp_proc_order_line ol ON ol.id = rl.order_line_id JOIN tp_proc_receipt r ON r.id = rl.receipt_id "
            + "WHERE ";

    private ReceiptDao() {
    }

    static long insert(Connection c, long orderId, String deliveryNote, LocalDate receivedOn, String by, Instant at,
            String note) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_proc_receipt (order_id, delivery_note, received_on, received_by, "
                + "received_at, note) VALUES (?, ?, ?, ?, ?, ?)", args(orderId, deliveryNote, receivedOn, by, at, note));
    }

    /**
     * The inspected lines of a receipt (one INSERT each: their generated ids are the answer's, and reading them back
     * would scan, and wait on, other receipts' uncommitted lines) and the order lines' running totals (one batch).
     */
    static List<GoodsReceiptLine> insertLines(Connection c, long receiptId, List<ReceiptRules.Inspected> lines,
            List<Long> lotIds) throws SQLException {
        List<GoodsReceiptLine> out = new ArrayList<>(lines.size());
        List<List<Object>> totals = new ArrayList<>(lines.size());
        for (int n = 0; n < lines.size(); n++) {
            ReceiptRules.Inspected i = lines.get(n);
            long id = Jdbc.insert(c, "INSERT INTO tp_proc_receipt_line (receipt_id, order_line_id, standard, "
                    + "certificate_number, production_batch, expiry_date, accepted_quantity, rejected_quantity, "
                    + "reject_reason, lot_id, days_late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(receiptId,
                    i.line().id(), i.standard(), i.certificateNumber(), i.productionBatch(), i.expiryDate(),
                    i.accepted(), i.rejected(), i.rejectReason(), lotIds.get(n), i.daysLate()));
            out.add(new GoodsReceiptLine(id, i.line().id(), i.line().itemId(), i.standard(), i.certificateNumber(),
                    i.productionBatch(), i.expiryDate(), i.accepted(), i.rejected(), i.rejectReason(), lotIds.get(n),
                    i.daysLate()));
            totals.add(args(i.accepted(), i.rejected(), i.line().id()));
        }
        Jdbc.batch(c, "UPDATE tp_proc_order_line SET accepted_quantity = accepted_quantity + ?, "
                + "rejected_quantity = rejected_quantity + ? WHERE id = ?", totals);
        return out;
    }

    static String depotProvince(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT depot_province FROM tp_proc_order WHERE id = ?", args(orderId),
                rs -> rs.getString(1)).orElse(null);
    }

    /** The order's receipts, oldest first, each with its lines and the order's current status. */
    static List<GoodsReceipt> forOrder(Connection c, PurchaseOrder o) throws SQLException {
        return read(c, o, "r.order_id = ?", o.id());
    }

    /** One receipt of the order (what a receipt answers, without reading the order's earlier ones). */
    static GoodsReceipt one(Connection c, PurchaseOrder o, long receiptId) throws SQLException {
        return read(c, o, "r.id = ?", receiptId).get(0);
    }

    private static List<GoodsReceipt> read(Connection c, PurchaseOrder o, String where, long key)
            throws SQLException {
        Map<Long, List<GoodsReceiptLine>> lines = Jdbc.query(c, LINES + where + " ORDER BY rl.id", args(key),
                ReceiptDao::line).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<GoodsReceipt> out = new ArrayList<>();
        for (GoodsReceipt r : Jdbc.query(c, "SELECT * FROM tp_proc_receipt r WHERE " + where + " ORDER BY id",
                args(key), rs -> head(rs, o.number(), o.status()))) {
            out.add(new GoodsReceipt(r.id(), r.orderId(), r.orderNumber(), r.deliveryNote(), r.receivedOn(),
                    r.receivedBy(), r.receivedAt(), r.note(), lines.getOrDefault(r.id(), List.of()), r.orderStatus()));
        }
        return out;
    }

    private static GoodsReceipt head(ResultSet rs, String number, OrderStatus status) throws SQLException {
        return new GoodsReceipt(rs.getLong("id"), rs.getLong("order_id"), number, rs.getString("delivery_note"),
                Jdbc.localDate(rs, "received_on"), rs.getString("received_by"), Sql.getInstant(rs, "received_at"),
                rs.getString("note"), List.of(), status);
    }

    private static Map.Entry<Long, GoodsReceiptLine> line(ResultSet rs) throws SQLException {
        long lot = rs.getLong("lot_id");
        Long lotId = rs.wasNull() ? null : lot;
        return Map.entry(rs.getLong("receipt_id"), new GoodsReceiptLine(rs.getLong("id"), rs.getLong("order_line_id"),
                rs.getLong("item_id"), rs.getString("standard"), rs.getString("certificate_number"),
                rs.getString("production_batch"), Jdbc.localDate(rs, "expiry_date"), rs.getLong("accepted_quantity"),
                rs.getLong("rejected_quantity"), rs.getString("reject_reason"), lotId, rs.getInt("days_late")));
    }
}
