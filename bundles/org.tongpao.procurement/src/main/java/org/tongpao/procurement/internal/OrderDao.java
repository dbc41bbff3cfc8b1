package org.tongpao.procurement.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.procurement.Approval;
import org.tongpao.procurement.OrderLine;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;

/** The order tables: orders, their lines and approvals. */
final class OrderDao {
    private static final String SELECT = "SELECT o.*, s.code AS supplier_code FROM tp_proc_order o "
            + "JOIN tp_proc_supplier s ON s.id = o.supplier_id";

    private OrderDao() {
    }

    /** Inserts the order and its lines; numbers it {@code PO-<C or province>-<id>}; returns the id. */
    static long insert(Connection c, OrderDraft d, String actor, Instant now) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_proc_order (number, province_code, supplier_id, depot_id, "
                + "depot_code, depot_province, channel_id, status, emergency, justification, currency, exchange_rate, "
                + "total_amount, total_cny, budget_line_id, spent_cny, note, created_by, created_at, quote_id, quote_ref, "
                + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                args("tmp:" + UUID.randomUUID(), d.provinceCode(), d.supplierId(), d.depot().id(), d.depot().code(),
                        d.depot().provinceCode(), d.channelId(), OrderStatus.DRAFT, d.emergency(), d.justification(),
                        d.currency(), d.exchangeRate(), d.totalAmount(), d.totalCny(), d.budgetLineId(),
                        BigDecimal.ZERO, d.note(), actor, now, d.quoteId(), d.quoteRef()));
        String number = String.format("PO-%s-%06d", d.provinceCode() == null ? "C" : d.provinceCode(), id);
        Jdbc.update(c, "UPDATE tp_proc_order SET number = ?, commitment_ref = ? WHERE id = ?",
                args(number, "procurement:order:" + number, id));
        insertLines(c, id, d);
        return id;
    }

    /**
     * A draft's new content: the header as drafted (the province, number and quote stay) and its lines replaced; a
     * draft has no receipts, so its lines may go.
     */
    static void replace(Connection c, long id, OrderDraft d) throws SQLException {
        update(c, id, "supplier_id = ?, depot_id = ?, depot_code = ?, depot_province = ?, channel_id = ?, "
                + "emergency = ?, justification = ?, currency = ?, exchange_rate = ?, total_amount = ?, total_cny = ?, "
                + "budget_line_id = ?, note = ?", java.util.Arrays.asList(d.supplierId(), d.depot().id(),
                        d.depot().code(), d.depot().provinceCode(), d.channelId(), d.emergency(), d.justification(),
                        d.currency(), d.exchangeRate(), d.totalAmount(), d.totalCny(), d.budgetLineId(), d.note()));
        Jdbc.update(c, "DELETE FROM tp_proc_order_line WHERE order_id = ?", args(id));
        insertLines(c, id, d);
    }

    private static void insertLines(Connection c, long id, OrderDraft d) throws SQLException {
        List<List<Object>> lines = new ArrayList<>();
        for (OrderDraft.Line l : d.lines()) {
            lines.add(args(id, l.lineNo(), l.item().id(), l.item().code(), l.standard(), l.quantity(), l.unitPrice(),
                    d.currency(), l.promisedDate(), 0L, 0L));
        }
        Jdbc.batch(c, "INSERT INTO tp_proc_order_line (order_id, line_no, item_id, item_code, standard, quantity, "
                + "unit_price, currency, promised_date, accepted_quantity, rejected_quantity) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);
    }

    static Optional<PurchaseOrder> find(Connection c, long id) throws SQLException {
        Optional<PurchaseOrder> head = Jdbc.one(c, SELECT + " WHERE o.id = ?", args(id), OrderDao::head);
        return head.isEmpty() ? head : Optional.of(complete(c, head.get()));
    }

    /** The order row locked for update (the rest of the transaction sees it as it is). */
    static Optional<PurchaseOrder> lock(Connection c, long id) throws SQLException {
        // an UPDATE takes the row lock on Derby and PostgreSQL alike
        if (Jdbc.update(c, "UPDATE tp_proc_order SET version = version WHERE id = ?", args(id)) == 0) {
            return Optional.empty();
        }
        return find(c, id);
    }

    /** An order as a receipt needs it: the head, the lines (no approvals) and the depot's province. */
    record Receivable(PurchaseOrder order, String depotProvince) {
    }

    /**
     * The order row locked for a receipt, read once: its head with the depot's province and its lines, without the
     * approvals (a receipt does not read them; this order is not handed out).
     */
    static Optional<Receivable> lockForReceipt(Connection c, long id) throws SQLException {
        if (Jdbc.update(c, "UPDATE tp_proc_order SET version = version WHERE id = ?", args(id)) == 0) {
            return Optional.empty();
        }
        Optional<Receivable> head = Jdbc.one(c, SELECT + " WHERE o.id = ?", args(id),
                rs -> new Receivable(head(rs), rs.getString("depot_province")));
        if (head.isEmpty()) {
            return head;
        }
        List<OrderLine> lines = Jdbc.query(c, "SELECT * FROM tp_proc_order_line WHERE order_id = ? ORDER BY line_no",
                args(id), OrderDao::line);
        return Optional.of(new Receivable(copy(head.get().order(), lines, List.of()), head.get().depotProvince()));
    }

    static Optional<PurchaseOrder> findByChannelReference(Connection c, String channelId, String reference)
            throws SQLException {
        Optional<Long> id = Jdbc.one(c, "SELECT id FROM tp_proc_order WHERE channel_id = ? AND channel_reference = ?",
                args(channelId, reference), rs -> rs.getLong(1));
        return id.isEmpty() ? Optional.empty() : lock(c, id.get());
    }

    /** A page of orders (without lines and approvals filled in: see {@link #complete}). */
    static List<PurchaseOrder> page(Connection c, Paging.Query q) throws SQLException {
        return Jdbc.query(c, SELECT + q.sql(), q.args(), OrderDao::head);
    }

    static PurchaseOrder complete(Connection c, PurchaseOrder o) throws SQLException {
        List<OrderLine> lines = Jdbc.query(c, "SELECT * FROM tp_proc_order_line WHERE order_id = ? ORDER BY line_no",
                args(o.id()), OrderDao::line);
        List<Approval> approvals = Jdbc.query(c, "SELECT * FROM tp_proc_approval WHERE order_id = ? ORDER BY step",
                args(o.id()), rs -> new Approval(rs.getInt("step"), rs.getString("approver"),
                        rs.getString("approver_role"), rs.getBoolean("emergency"), rs.getString("justification"),
                        Sql.getInstant(rs, "approved_at")));
        return copy(o, lines, approvals);
    }

    static void insertApproval(Connection c, long orderId, Approval a) throws SQLException {
        Jdbc.update(c, "INSERT INTO tp_proc_approval (order_id, step, approver, approver_role, emergency, "
                + "justification, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?)", args(orderId, a.step(), a.approver(),
                a.role(), a.emergency(), a.justification(), a.approvedAt()));
    }

    /** Moves the order to {@code status}, setting {@code column} (a timestamp column of the step) to now. */
    static void setStatus(Connection c, long id, OrderStatus status, String column, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE tp_proc_order SET status = ?, " + column + " = ?, version = version + 1 WHERE id = ?",
                args(status, at, id));
    }

    static void update(Connection c, long id, String assignments, List<Object> args) throws SQLException {
        List<Object> all = new ArrayList<>(args);
        all.add(id);
        Jdbc.update(c, "UPDATE tp_proc_order SET " + assignments + ", version = version + 1 WHERE id = ?", all);
    }

    private static PurchaseOrder copy(PurchaseOrder o, List<OrderLine> lines, List<Approval> approvals) {
        return new PurchaseOrder(o.id(), o.number(), o.provinceCode(), o.supplierId(), o.supplierCode(), o.depotId(),
                o.depotCode(), o.channelId(), o.channelReference(), o.status(), o.emergency(), o.justification(),
                o.currency(), o.exchangeRate(), o.totalAmount(), o.totalCny(), o.budgetLineId(),
                o.commitmentReference(), o.spentCny(), o.note(), lines, approvals, o.createdBy(), o.createdAt(),
                o.submittedAt(), o.approvedAt(), o.placedAt(), o.receivedAt(), o.cancelledBy(), o.cancelledAt(),
                o.cancelReason(), o.failure(), o.version(), o.quoteId(), o.quoteRef(), o.source(), o.asOf());
    }

    private static PurchaseOrder head(ResultSet rs) throws SQLException {
        return new PurchaseOrder(rs.getLong("id"), rs.getString("number"), rs.getString("province_code"),
                rs.getLong("supplier_id"), rs.getString("supplier_code"), rs.getLong("depot_id"),
                rs.getString("depot_code"), rs.getString("channel_id"), rs.getString("channel_reference"),
                OrderStatus.valueOf(rs.getString("status")), rs.getBoolean("emergency"), rs.getString("justification"),
                rs.getString("currency"), rs.getBigDecimal("exchange_rate"),
                rs.getBigDecimal("total_amount"), rs.getBigDecimal("total_cny"), rs.getLong("budget_line_id"),
                rs.getString("commitment_ref"), rs.getBigDecimal("spent_cny"), rs.getString("note"), List.of(),
                List.of(), rs.getString("created_by"), Sql.getInstant(rs, "created_at"),
                Sql.getInstant(rs, "submitted_at"), Sql.getInstant(rs, "approved_at"), Sql.getInstant(rs, "placed_at"),
                Sql.getInstant(rs, "received_at"), rs.getString("cancelled_by"), Sql.getInstant(rs, "cancelled_at"),
                rs.getString("cancel_reason"), rs.getString("failure"), rs.getLong("version"),
                Sql.getLong(rs, "quote_id"), rs.getString("quote_ref"),
                rs.getString("source_node") == null ? null : rs.getString("source_node") + "/" + rs.getLong("source_id"),
                Sql.getInstant(rs, "source_as_of"));
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        long quantity = rs.getLong("quantity");
        long accepted = rs.getLong("accepted_quantity");
        long rejected = rs.getLong("rejected_quantity");
        return new OrderLine(rs.getLong("id"), rs.getInt("line_no"), rs.getLong("item_id"), rs.getString("item_code"),
                rs.getString("standard"), quantity, rs.getBigDecimal("unit_price"),
                rs.getString("currency"), Jdbc.localDate(rs, "promised_date"), accepted, rejected,
                quantity - accepted - rejected);
    }
}
