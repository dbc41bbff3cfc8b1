package org.tongpao.procurement.imports.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_pimp_offer}. */
final class OfferDao {
    private OfferDao() {
    }

    static long insert(Connection c, NewImportOffer o, String user, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_pimp_offer (code, supplier_name, country, item_code, currency, unit_price, "
                + "incoterm, lead_days, capacity_per_week, valid_until, status, created_by, created_at, version) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1)", Jdbc.args(o.code(), o.supplierName(), o.country(), o.itemCode(),
                o.currency(), o.unitPrice(), o.incoterm(), o.leadDays(), o.capacityPerWeek(), o.validUntil(),
                ImportOffer.Status.ACTIVE, user, now));
    }

    static boolean codeTaken(Connection c, String code) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_pimp_offer WHERE code = ?", List.of(code)) > 0;
    }

    static boolean withdraw(Connection c, ImportOffer o) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_pimp_offer SET status = ?, version = version + 1 WHERE id = ? AND version = ?",
                Jdbc.args(ImportOffer.Status.WITHDRAWN, o.id(), o.version())) == 1;
    }

    static Optional<ImportOffer> get(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM tp_pimp_offer WHERE id = ?", List.of(id), OfferDao::map);
    }

    static List<ImportOffer> page(Connection c, String itemCode, long after, int limit) throws SQLException {
        Paging.Query q = new Paging.Query("id", after, limit).equal("item_code", itemCode);
        return Jdbc.query(c, "SELECT * FROM tp_pimp_offer" + q.sql(), q.args(), OfferDao::map);
    }

    /** Active offers, of the items given (every item when null). */
    static List<ImportOffer> active(Connection c, Collection<String> items) throws SQLException {
        List<Object> args = Jdbc.args(ImportOffer.Status.ACTIVE);
        String where = "";
        if (items != null) {
            args.addAll(items);
            where = " AND item_code IN (" + String.join(",", items.stream().map(i -> "?").toList()) + ")";
        }
        return Jdbc.query(c, "SELECT * FROM tp_pimp_offer WHERE status = ?" + where + " ORDER BY id", args, OfferDao::map);
    }

    private static ImportOffer map(ResultSet rs) throws SQLException {
        return new ImportOffer(rs.getLong("id"), rs.getString("code"), rs.getString("supplier_name"), rs.getString("country"),
                rs.getString("item_code"), rs.getString("currency"), rs.getBigDecimal("unit_price"),
                Incoterm.valueOf(rs.getString("incoterm")), rs.getInt("lead_days"), rs.getLong("capacity_per_week"),
                Jdbc.localDate(rs, "valid_until"), ImportOffer.Status.valueOf(rs.getString("status")),
                rs.getString("created_by"), Sql.getInstant(rs, "created_at"), rs.getLong("version"));
    }
}
