package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.ExpiryStock;

/**
 * Stock on hand per province × item × expiry day ({@code tp_inv_expiry_summary}, V10), and each province × item's
 * earliest day kept on its stock summary row ({@code earliest_expiry}, {@code earliest_on_hand}), so the nation's
 * earliest expiries are one read of the rows the national reports read anyway. Folded by {@link Summaries} in the
 * write's own transaction, per province × item <em>after</em> that key's stock summary row: every writer of a key's
 * days holds its stock row first, so the days and the earliest-day read never wait crosswise. A day whose stock is
 * gone is deleted, so a key's first day by the primary key is its earliest; lots without an expiry date are not
 * counted. Province {@code ''} is the central reserve.
 */
final class ExpirySummary {

    /**
     * Adds one province × item's on-hand changes per expiry day, then puts its earliest day (and that day's stock)
     * on its stock summary row, which the caller has already locked in this transaction.
     */
    void fold(Connection c, String province, long itemId, SortedMap<LocalDate, Long> deltas) throws SQLException {
        boolean changed = false;
        for (Map.Entry<LocalDate, Long> d : deltas.entrySet()) {
            if (d.getValue() == 0) {
                continue;
            }
            List<Object> key = List.of(province, itemId, d.getKey());
            Summaries.upsert(c, "UPDATE tp_inv_expiry_summary SET on_hand = on_hand + ? "
                    + "WHERE province_code = ? AND item_id = ? AND expiry_date = ?",
                    "INSERT INTO tp_inv_expiry_summary (on_hand, province_code, item_id, expiry_date) VALUES (?, ?, ?, ?)",
                    List.of(d.getValue()), key);
            if (d.getValue() < 0) {
                Jdbc.update(c, "DELETE FROM tp_inv_expiry_summary WHERE province_code = ? AND item_id = ? "
                        + "AND expiry_date = ? AND on_hand = 0", key);
            }
            changed = true;
        }
        if (!changed) {
            return;
        }
        // the first day by the primary key (no sort: the index gives the order)
        Object[] first = Jdbc.one(c, "SELECT expiry_date, on_hand FROM tp_inv_expiry_summary "
                + "WHERE province_code = ? AND item_id = ? ORDER BY province_code, item_id, expiry_date "
                + "FETCH FIRST 1 ROWS ONLY", List.of(province, itemId),
                rs -> new Object[] {Jdbc.localDate(rs, "expiry_date"), rs.getLong(2)}).orElse(new Object[2]);
        Jdbc.update(c, "UPDATE tp_inv_stock_summary SET earliest_expiry = ?, earliest_on_hand = ? "
                + "WHERE province_code = ? AND item_id = ?", java.util.Arrays.asList(first[0], first[1], province, itemId));
    }

    /** Each province × item's earliest expiry with stock on hand (one province, or null: all), from the summary. */
    List<ExpiryStock> earliest(Connection c, String province) throws SQLException {
        String only = province == null ? "" : " AND province_code = ?";
        List<ExpiryStock> rows = Jdbc.query(c, "SELECT province_code, item_id, earliest_expiry, earliest_on_hand "
                + "FROM tp_inv_stock_summary WHERE earliest_expiry IS NOT NULL" + only,
                province == null ? List.of() : List.of(province), rs -> row(rs, Jdbc.localDate(rs, "earliest_expiry")));
        rows.sort(ORDER); // in Java, not by ORDER BY: see Summaries' SORTS
        return rows;
    }

    /** Stock on hand per province × item × expiry day for every day before {@code before}, by the day index. */
    List<ExpiryStock> before(Connection c, String province, LocalDate before) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(before));
        if (province != null) {
            args.add(province);
        }
        List<ExpiryStock> rows = Jdbc.query(c, "SELECT province_code, item_id, expiry_date, on_hand "
                + "FROM tp_inv_expiry_summary WHERE expiry_date < ?" + (province == null ? "" : " AND province_code = ?"),
                args, rs -> row(rs, Jdbc.localDate(rs, "expiry_date")));
        rows.sort(ORDER);
        return rows;
    }

    /** The central reserve first, then by province, item and day. */
    static final Comparator<ExpiryStock> ORDER = Comparator
            .comparing((ExpiryStock e) -> e.provinceCode() == null ? "" : e.provinceCode())
            .thenComparingLong(ExpiryStock::itemId).thenComparing(ExpiryStock::expiryDate);

    private static ExpiryStock row(java.sql.ResultSet rs, LocalDate day) throws SQLException {
        String p = rs.getString(1);
        return new ExpiryStock(p.isEmpty() ? null : p, rs.getLong(2), day, rs.getLong(4));
    }
}
