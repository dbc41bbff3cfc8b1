package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/** SQL of the exchange rates and the items' required standards. */
final class ReferenceDao {
    private ReferenceDao() {
    }

    static long insertRate(Connection c, String currency, BigDecimal rate, Instant asOf, String source, String user)
            throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_pimp_rate (currency, rate, as_of, source, recorded_by) VALUES (?,?,?,?,?)",
                Jdbc.args(currency, rate, asOf, source, user));
    }

    /** The rate in force at {@code at}: the latest recorded with as_of not after it (the latest recorded on a tie). */
    static Optional<RecordedRate> rateAt(Connection c, String currency, Instant at) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM tp_pimp_rate WHERE currency = ? AND as_of <= ? ORDER BY as_of DESC, id DESC "
                + "FETCH FIRST 1 ROWS ONLY", Jdbc.args(currency, at), ReferenceDao::rate);
    }

    static Optional<RecordedRate> rate(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM tp_pimp_rate WHERE id = ?", List.of(id), ReferenceDao::rate);
    }

    static List<RecordedRate> rates(Connection c, String currency, long after, int limit) throws SQLException {
        Paging.Query q = new Paging.Query("id", after, limit).equal("currency", currency);
        return Jdbc.query(c, "SELECT * FROM tp_pimp_rate" + q.sql(), q.args(), ReferenceDao::rate);
    }

    private static RecordedRate rate(ResultSet rs) throws SQLException {
        return new RecordedRate(rs.getLong("id"), rs.getString("currency"), rs.getBigDecimal("rate").stripTrailingZeros(),
                Sql.getInstant(rs, "as_of"), rs.getString("source"), rs.getString("recorded_by"));
    }

    /** Sets an item's standard; returns the one it replaced, if any. */
    static Optional<ItemStandard> putStandard(Connection c, String item, String standard, String note, String user,
            Instant now) throws SQLException {
        Optional<ItemStandard> before = standard(c, item);
        List<Object> args = Jdbc.args(standard, note, user, now, item);
        if (before.isPresent()) {
            Jdbc.update(c, "UPDATE tp_pimp_item_standard SET standard = ?, note = ?, updated_by = ?, updated_at = ? "
                    + "WHERE item_code = ?", args);
        } else {
            Jdbc.update(c, "INSERT INTO tp_pimp_item_standard (standard, note, updated_by, updated_at, item_code) "
                    + "VALUES (?,?,?,?,?)", args);
        }
        return before;
    }

    static Optional<ItemStandard> standard(Connection c, String item) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM tp_pimp_item_standard WHERE item_code = ?", List.of(item), ReferenceDao::standard);
    }

    static List<ItemStandard> standards(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_pimp_item_standard ORDER BY item_code", List.of(), ReferenceDao::standard);
    }

    /** Item code → required standard, for those of {@code items} that have one. */
    static Map<String, String> required(Connection c, Collection<String> items) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (ItemStandard s : standards(c)) {
            if (items.contains(s.itemCode())) {
                out.put(s.itemCode(), s.standard());
            }
        }
        return out;
    }

    private static ItemStandard standard(ResultSet rs) throws SQLException {
        return new ItemStandard(rs.getString("item_code"), rs.getString("standard"), rs.getString("note"),
                rs.getString("updated_by"), Sql.getInstant(rs, "updated_at"));
    }
}
