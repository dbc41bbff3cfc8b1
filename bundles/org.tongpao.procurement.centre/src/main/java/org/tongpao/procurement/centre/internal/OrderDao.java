package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_pcc_order}, its lines and its progress events. */
final class OrderDao {

    private OrderDao() {
    }

    /** Inserts the order and its lines (one offer per line, in order) with the PLACED event; returns the id. */
    static long insert(Connection c, NewCentreOrder o, List<Offer> offers, String user, Instant now) throws SQLException {
        BigDecimal total = offers.stream().map(Offer::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate promised = offers.stream().map(Offer::deliverBy).max(LocalDate::compareTo).orElseThrow();
        long id = Jdbc.insert(c, "INSERT INTO tp_pcc_order (order_ref, buyer_province, deliver_to, emergency, "
                + "justification, approved_by, status, total, currency, promised_date, placed_by, placed_at, version) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)", Jdbc.args(o.orderRef(), o.buyerProvince(), o.deliverTo(),
                o.emergency(), o.justification(), o.approvedBy(), CentreOrderStatus.PLACED, total, AgreementDao.CURRENCY,
                promised, user, now));
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            Offer f = offers.get(i);
            rows.add(Jdbc.args(id, o.lines().get(i).lineRef(), f.itemCode(), f.quantity(), f.agreementId(), f.unitPrice(),
                    f.total(), f.deliverBy()));
        }
        Jdbc.batch(c, "INSERT INTO tp_pcc_order_line (order_id, line_ref, item_code, quantity, agreement_id, unit_price, "
                + "amount, promised_date) VALUES (?,?,?,?,?,?,?,?)", rows);
        addEvent(c, id, CentreOrderStatus.PLACED, now, o.emergency() ? "emergency procurement, single source" : null, user);
        return id;
    }

    static long addEvent(Connection c, long orderId, CentreOrderStatus status, Instant at, String note, String user)
            throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_pcc_order_event (order_id, status, occurred_at, note, recorded_by) VALUES (?,?,?,?,?)",
                Jdbc.args(orderId, status, at, note, user));
    }

    /** Moves the order to {@code next} if nobody changed it since it was read. */
    static boolean setStatus(Connection c, CentreOrder o, CentreOrderStatus next) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_pcc_order SET status = ?, version = version + 1 WHERE id = ? AND version = ?",
                Jdbc.args(next, o.id(), o.version())) == 1;
    }

    static Optional<CentreOrder> get(Connection c, long id) throws SQLException {
        return whole(c, Jdbc.one(c, "SELECT * FROM tp_pcc_order WHERE id = ?", List.of(id), OrderDao::map));
    }

    static Optional<CentreOrder> byRef(Connection c, String ref) throws SQLException {
        return whole(c, Jdbc.one(c, "SELECT * FROM tp_pcc_order WHERE order_ref = ?", List.of(ref), OrderDao::map));
    }

    private static Optional<CentreOrder> whole(Connection c, Optional<CentreOrder> o) throws SQLException {
        if (o.isEmpty()) {
            return o;
        }
        long id = o.get().id();
        List<CentreOrderLine> lines = Jdbc.query(c, "SELECT l.*, a.code, a.supplier_code FROM tp_pcc_order_line l "
                + "JOIN tp_pcc_agreement a ON a.id = l.agreement_id WHERE l.order_id = ? ORDER BY l.line_ref", List.of(id),
                rs -> new CentreOrderLine(rs.getString("line_ref"), rs.getString("item_code"), rs.getLong("quantity"),
                        rs.getLong("agreement_id"), rs.getString("code"), rs.getString("supplier_code"),
                        rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"), Jdbc.localDate(rs, "promised_date")));
        List<OrderEvent> events = Jdbc.query(c, "SELECT * FROM tp_pcc_order_event WHERE order_id = ? ORDER BY id",
                List.of(id), OrderDao::event);
        return Optional.of(o.get().with(lines, events));
    }

    /** Every order's steps after {@code afterId} except their placing, oldest first: what the channel reports. */
    static List<OrderEvent> eventsAfter(Connection c, long afterId, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_pcc_order_event WHERE id > ? AND status <> ? ORDER BY id FETCH FIRST "
                + limit + " ROWS ONLY", Jdbc.args(afterId, CentreOrderStatus.PLACED), OrderDao::event);
    }

    private static OrderEvent event(ResultSet rs) throws SQLException {
        return new OrderEvent(rs.getLong("id"), rs.getLong("order_id"), CentreOrderStatus.valueOf(rs.getString("status")),
                Sql.getInstant(rs, "occurred_at"), rs.getString("note"), rs.getString("recorded_by"));
    }

    /** A keyset page (without lines and timelines), optionally of one status and one buyer province. */
    static List<CentreOrder> page(Connection c, CentreOrderStatus status, String province, long after, int limit)
            throws SQLException {
        Paging.Query q = new Paging.Query("id", after, limit).equal("status", status).equal("buyer_province", province);
        return Jdbc.query(c, "SELECT * FROM tp_pcc_order" + q.sql(), q.args(), OrderDao::map);
    }

    private static CentreOrder map(ResultSet rs) throws SQLException {
        return new CentreOrder(rs.getLong("id"), rs.getString("order_ref"), rs.getString("buyer_province"),
                rs.getString("deliver_to"), rs.getBoolean("emergency"), rs.getString("justification"),
                rs.getString("approved_by"), CentreOrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total"),
                rs.getString("currency"), Jdbc.localDate(rs, "promised_date"), rs.getString("placed_by"),
                Sql.getInstant(rs, "placed_at"), rs.getLong("version"), List.of(), List.of());
    }
}
