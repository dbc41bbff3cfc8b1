package org.tongpao.procurement.centre.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_pcc_agreement} and its items. */
final class AgreementDao {
    static final String CURRENCY = "CNY";

    private AgreementDao() {
    }

    static long insert(Connection c, NewAgreement a, String user, Instant now) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_pcc_agreement (code, supplier_code, supplier_name, valid_from, "
                + "valid_until, lead_days, expedited_lead_days, currency, status, created_by, created_at, version) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,1)", Jdbc.args(a.code(), a.supplierCode(), a.supplierName(),
                a.validFrom(), a.validUntil(), a.leadDays(), a.expeditedLeadDays(), CURRENCY, Agreement.Status.ACTIVE,
                user, now));
        Jdbc.batch(c, "INSERT INTO tp_pcc_agreement_item (agreement_id, item_code, unit_price, capacity_per_week) "
                + "VALUES (?,?,?,?)", a.items().stream()
                .map(l -> Jdbc.args(id, l.itemCode(), l.unitPrice(), l.capacityPerWeek())).toList());
        return id;
    }

    static boolean codeTaken(Connection c, String code) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_pcc_agreement WHERE code = ?", List.of(code)) > 0;
    }

    static boolean withdraw(Connection c, Agreement a, String reason) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_pcc_agreement SET status = ?, withdrawn_reason = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?", Jdbc.args(Agreement.Status.WITHDRAWN, reason, a.id(), a.version())) == 1;
    }

    static Optional<Agreement> get(Connection c, long id) throws SQLException {
        return withItems(c, Jdbc.query(c, "SELECT * FROM tp_pcc_agreement WHERE id = ?", List.of(id),
                AgreementDao::map)).stream().findFirst();
    }

    static Optional<Agreement> byCode(Connection c, String code) throws SQLException {
        return withItems(c, Jdbc.query(c, "SELECT * FROM tp_pcc_agreement WHERE code = ?", List.of(code),
                AgreementDao::map)).stream().findFirst();
    }

    /** A keyset page, optionally only those covering an item. */
    static List<Agreement> page(Connection c, String itemCode, long after, int limit) throws SQLException {
        Paging.Query q = new Paging.Query("id", after, limit);
        if (itemCode != null) {
            q.and("id IN (SELECT agreement_id FROM tp_pcc_agreement_item WHERE item_code = ?)", List.of(itemCode));
        }
        return withItems(c, Jdbc.query(c, "SELECT * FROM tp_pcc_agreement" + q.sql(), q.args(), AgreementDao::map));
    }

    /** Every active agreement. */
    static List<Agreement> active(Connection c) throws SQLException {
        return withItems(c, Jdbc.query(c, "SELECT * FROM tp_pcc_agreement WHERE status = ? ORDER BY id",
                Jdbc.args(Agreement.Status.ACTIVE), AgreementDao::map));
    }

    /** Every active agreement covering at least one of the items (the candidates of a quote or an order). */
    static List<Agreement> activeFor(Connection c, Collection<String> itemCodes) throws SQLException {
        List<Object> args = Jdbc.args(Agreement.Status.ACTIVE);
        args.addAll(itemCodes);
        return withItems(c, Jdbc.query(c, "SELECT * FROM tp_pcc_agreement WHERE status = ? AND id IN "
                + "(SELECT agreement_id FROM tp_pcc_agreement_item WHERE item_code IN ("
                + String.join(",", itemCodes.stream().map(i -> "?").toList()) + ")) ORDER BY id", args, AgreementDao::map));
    }

    private static List<Agreement> withItems(Connection c, List<Agreement> agreements) throws SQLException {
        if (agreements.isEmpty()) {
            return agreements;
        }
        Map<Long, List<AgreementLine>> lines = new HashMap<>();
        String in = String.join(",", agreements.stream().map(a -> "?").toList());
        for (Object[] row : Jdbc.query(c, "SELECT * FROM tp_pcc_agreement_item WHERE agreement_id IN (" + in
                + ") ORDER BY item_code", agreements.stream().map(Agreement::id).toList(),
                rs -> new Object[] {rs.getLong("agreement_id"), new AgreementLine(rs.getString("item_code"),
                        rs.getBigDecimal("unit_price"), rs.getLong("capacity_per_week"))})) {
            lines.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((AgreementLine) row[1]);
        }
        return agreements.stream().map(a -> a.withItems(List.copyOf(lines.getOrDefault(a.id(), List.of())))).toList();
    }

    private static Agreement map(ResultSet rs) throws SQLException {
        return new Agreement(rs.getLong("id"), rs.getString("code"), rs.getString("supplier_code"),
                rs.getString("supplier_name"), Jdbc.localDate(rs, "valid_from"), Jdbc.localDate(rs, "valid_until"),
                rs.getInt("lead_days"), rs.getInt("expedited_lead_days"), rs.getString("currency"),
                Agreement.Status.valueOf(rs.getString("status")), rs.getString("withdrawn_reason"), List.of(),
                rs.getString("created_by"), Sql.getInstant(rs, "created_at"), rs.getLong("version"));
    }
}
