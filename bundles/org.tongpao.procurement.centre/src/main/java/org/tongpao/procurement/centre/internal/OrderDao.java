package org.tongpao.procurement.centre.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_pcc_order} and its progress events. */
final class OrderDao {
    private static final String SELECT = "SELECT o.*, a.code AS agreement_code, a.supplier_code FROM tp_pcc_order o "
            + "JOIN tp_pcc_agreement a ON a.id = o.agreement_id ";

    private OrderDao() {
    }

    static long insert(Connection c, NewCentreOrder o, Offer offer, LocalDate promised, String user, Instant now)
            throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_pcc_order (order_ref, agreement_id, item_code, quantity, unit_price, "
                + "total, currency, buyer_province, emergency, justification, approved_by, status, promised_date, "
                + "placed_by, placed_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)", Jdbc.args(o.orderRef(),
                offer.agreementId(), o.itemCode(), o.quantity(), offer.unitPrice(), offer.total(), offer.currency(),
                o.buyerProvince(), o.emergency(), o.justification(), o.approvedBy(), CentreOrderStatus.PLACED, promised,
                user, now));
        addEvent(c, id, CentreOrderStatus.PLACED, now, o.emergency() ? "emergency procurement, single source" : null, user);
        return id;
    }

    static void addEvent(Connection c, long orderId, CentreOrderStatus status, Instant at, String note, String user)
            throws SQLException {
        Jdbc.insert(c, "INSERT INTO tp_pcc_order_event (order_id, status, occurred_at, note, recorded_by) VALUES (?,?,?,?,?)",
                Jdbc.args(orderId, status, at, note, user));
    }

    /** Moves the order to {@code next} if nobody changed it since it was read. */
    static boolean setStatus(Connection c, CentreOrder o, CentreOrderStatus next) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_pcc_order SET status = ?, version = version + 1 WHERE id = ? AND version = ?",
                Jdbc.args(next, o.id(), o.version())) == 1;
    }

    static Optional<CentreOrder> get(Connection c, long id) throws SQLException {
        return one(c, "o.id = ?", id);
    }

    static Optional<CentreOrder> byRef(Connection c, String ref) throws SQLException {
        return one(c, "o.order_ref = ?", ref);
    }

    private static Optional<CentreOrder> one(Connection c, String where, Object arg) throws SQLException {
        Optional<CentreOrder> o = Jdbc.one(c, SELECT + "WHERE " + where, List.of(arg), OrderDao::map);
        if (o.isEmpty()) {
            return o;
        }
        return Optional.of(o.get().withEvents(Jdbc.query(c, "SELECT * FROM tp_pcc_order_event WHERE order_id = ? "
                + "ORDER BY id", List.of(o.get().id()), rs -> new OrderEvent(CentreOrderStatus.valueOf(rs.getString("status")),
                Sql.getInstant(rs, "occurred_at"), rs.getString("note"), rs.getString("recorded_by")))));
    }

    /** A keyset page (without timelines), optionally of one status and one buyer province. */
    static List<CentreOrder> page(Connection c, CentreOrderStatus status, String province, long after, int limit)
            throws SQLException {
        StringBuilder where = new StringBuilder("WHERE o.id > ?");
        List<Object> args = Jdbc.args(after);
        if (status != null) {
            where.append(" AND o.status = ?");
            args.add(status);
        }
        if (province != null) {
            where.append(" AND o.buyer_province = ?");
            args.add(province);
        }
        return Jdbc.query(c, SELECT + where + Paging.orderAndFetch("o.id", limit), args, OrderDao::map);
    }

    private static CentreOrder map(ResultSet rs) throws SQLException {
        return new CentreOrder(rs.getLong("id"), rs.getString("order_ref"), rs.getLong("agreement_id"),
                rs.getString("agreement_code"), rs.getString("supplier_code"), rs.getString("item_code"),
                rs.getLong("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("total"), rs.getString("currency"),
                rs.getString("buyer_province"), rs.getBoolean("emergency"), rs.getString("justification"),
                rs.getString("approved_by"), CentreOrderStatus.valueOf(rs.getString("status")),
                Jdbc.localDate(rs, "promised_date"), rs.getString("placed_by"), Sql.getInstant(rs, "placed_at"),
                rs.getLong("version"), List.of());
    }
}
