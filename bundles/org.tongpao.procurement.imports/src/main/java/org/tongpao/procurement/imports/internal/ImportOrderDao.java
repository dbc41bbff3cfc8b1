package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
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
import org.tongpao.funding.Money;
import org.tongpao.procurement.api.DocumentKind;

/** SQL of {@code tp_pimp_order}, its lines, customs steps, papers, certificates and progress. */
final class ImportOrderDao {
    private ImportOrderDao() {
    }

    /** What {@link ImportOrders#place} decided: the lines' offers, the amount, the rate at order and its CNY value. */
    record Priced(List<ImportOffer> offers, List<Money> amounts, Money amount, RecordedRate rate, Money cny,
            LocalDate promised) {
    }

    static long insert(Connection c, NewImportOrder o, Priced p, String user, Instant now) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_pimp_order (order_ref, buyer_province, deliver_to, currency, incoterm, "
                + "amount, rate_at_order, rate_at_order_as_of, cny_at_order, status, promised_date, placed_by, placed_at, "
                + "version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1)", Jdbc.args(o.orderRef(), o.buyerProvince(),
                o.deliverTo(), o.currency(), p.offers().get(0).incoterm(), p.amount().amount(), p.rate().rate(),
                p.rate().asOf(), p.cny().amount(), ImportStatus.ORDERED, p.promised(), user, now));
        List<List<?>> rows = new java.util.ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ImportBase.ZONE);
        for (int i = 0; i < p.offers().size(); i++) {
            ImportOffer f = p.offers().get(i);
            NewImportOrder.Line l = o.lines().get(i);
            rows.add(Jdbc.args(id, l.lineRef(), l.itemCode(), l.quantity(), f.id(), f.unitPrice(),
                    p.amounts().get(i).amount(), f.deliverBy(today, l.quantity())));
        }
        Jdbc.batch(c, "INSERT INTO tp_pimp_order_line (order_id, line_ref, item_code, quantity, offer_id, unit_price, "
                + "amount, promised_date) VALUES (?,?,?,?,?,?,?,?)", rows);
        addEvent(c, id, ImportStatus.ORDERED, now, null, user);
        return id;
    }

    static long addEvent(Connection c, long orderId, ImportStatus status, Instant at, String note, String user)
            throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_pimp_event (order_id, status, occurred_at, note, recorded_by) VALUES (?,?,?,?,?)",
                Jdbc.args(orderId, status, at, note, user));
    }

    /** A guarded update: {@code set} on the order if nobody changed it since it was read. */
    static boolean update(Connection c, ImportOrder o, String set, Object... args) throws SQLException {
        List<Object> all = Jdbc.args(args);
        all.add(o.id());
        all.add(o.version());
        return Jdbc.update(c, "UPDATE tp_pimp_order SET " + set + ", version = version + 1 WHERE id = ? AND version = ?",
                all) == 1;
    }

    static Optional<ImportOrder> get(Connection c, long id) throws SQLException {
        return whole(c, Jdbc.one(c, "SELECT * FROM tp_pimp_order WHERE id = ?", List.of(id), ImportOrderDao::map));
    }

    static Optional<ImportOrder> byRef(Connection c, String ref) throws SQLException {
        return whole(c, Jdbc.one(c, "SELECT * FROM tp_pimp_order WHERE order_ref = ?", List.of(ref), ImportOrderDao::map));
    }

    private static Optional<ImportOrder> whole(Connection c, Optional<ImportOrder> found) throws SQLException {
        if (found.isEmpty()) {
            return found;
        }
        List<Object> id = List.of(found.get().id());
        return Optional.of(found.get().with(
                Jdbc.query(c, "SELECT l.*, o.code, o.supplier_name FROM tp_pimp_order_line l JOIN tp_pimp_offer o "
                        + "ON o.id = l.offer_id WHERE l.order_id = ? ORDER BY l.line_ref", id, rs -> new ImportOrderLine(
                        rs.getString("line_ref"), rs.getString("item_code"), rs.getLong("quantity"), rs.getLong("offer_id"),
                        rs.getString("code"), rs.getString("supplier_name"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("amount"), Jdbc.localDate(rs, "promised_date"))),
                Jdbc.query(c, "SELECT * FROM tp_pimp_customs_step WHERE order_id = ? ORDER BY id", id,
                        rs -> new CustomsRecord(CustomsStep.valueOf(rs.getString("step")), Sql.getInstant(rs, "occurred_at"),
                                rs.getString("reference"), rs.getBigDecimal("duties_cny"), rs.getString("note"),
                                rs.getString("officer"))),
                documents(c, found.get().id()),
                Jdbc.query(c, "SELECT * FROM tp_pimp_certification WHERE order_id = ? ORDER BY id", id,
                        rs -> new Certification(rs.getString("item_code"), rs.getString("standard"),
                                rs.getString("certificate_number"), rs.getString("issued_by"),
                                Jdbc.localDate(rs, "valid_until"), rs.getString("recorded_by"),
                                Sql.getInstant(rs, "recorded_at"))),
                Jdbc.query(c, "SELECT * FROM tp_pimp_event WHERE order_id = ? ORDER BY id", id, ImportOrderDao::event)));
    }

    static List<ImportDocument> documents(Connection c, long orderId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_pimp_document WHERE order_id = ? ORDER BY id", List.of(orderId),
                rs -> new ImportDocument(DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"),
                        Jdbc.localDate(rs, "issued"), rs.getString("recorded_by"), Sql.getInstant(rs, "recorded_at")));
    }

    /** Steps after {@code afterId} of the orders in {@code currency}, except their placing: one channel's feed. */
    static List<ImportEvent> eventsAfter(Connection c, String currency, long afterId, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT e.* FROM tp_pimp_event e JOIN tp_pimp_order o ON o.id = e.order_id WHERE e.id > ? "
                + "AND e.status <> ? AND o.currency = ? ORDER BY e.id FETCH FIRST " + limit + " ROWS ONLY",
                Jdbc.args(afterId, ImportStatus.ORDERED, currency), ImportOrderDao::event);
    }

    private static ImportEvent event(ResultSet rs) throws SQLException {
        return new ImportEvent(rs.getLong("id"), rs.getLong("order_id"), ImportStatus.valueOf(rs.getString("status")),
                Sql.getInstant(rs, "occurred_at"), rs.getString("note"), rs.getString("recorded_by"));
    }

    static List<ImportOrder> page(Connection c, ImportStatus status, String province, long after, int limit)
            throws SQLException {
        Paging.Query q = new Paging.Query("id", after, limit).equal("status", status).equal("buyer_province", province);
        return Jdbc.query(c, "SELECT * FROM tp_pimp_order" + q.sql(), q.args(), ImportOrderDao::map);
    }

    private static ImportOrder map(ResultSet rs) throws SQLException {
        BigDecimal atOrder = rs.getBigDecimal("cny_at_order");
        BigDecimal atPayment = rs.getBigDecimal("cny_at_payment");
        BigDecimal rateAtPayment = rs.getBigDecimal("rate_at_payment");
        return new ImportOrder(rs.getLong("id"), rs.getString("order_ref"), rs.getString("buyer_province"),
                rs.getString("deliver_to"), rs.getString("currency"), Incoterm.valueOf(rs.getString("incoterm")),
                rs.getBigDecimal("amount").stripTrailingZeros(), rs.getBigDecimal("rate_at_order").stripTrailingZeros(),
                Sql.getInstant(rs, "rate_at_order_as_of"), atOrder,
                rateAtPayment == null ? null : rateAtPayment.stripTrailingZeros(), Sql.getInstant(rs, "rate_at_payment_as_of"),
                atPayment, atPayment == null ? null : Conversion.difference(Money.of(atOrder, Money.CNY),
                Money.of(atPayment, Money.CNY)).amount(), Sql.getInstant(rs, "paid_at"),
                rs.getString("paid_by"), rs.getBigDecimal("duties_cny"), ImportStatus.valueOf(rs.getString("status")),
                Jdbc.localDate(rs, "promised_date"), rs.getString("placed_by"), Sql.getInstant(rs, "placed_at"),
                rs.getLong("version"), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
