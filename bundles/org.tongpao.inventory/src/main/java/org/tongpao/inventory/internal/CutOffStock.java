package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.StockAsOf;

/**
 * On hand at a cut-off and the window's movements before it (the daily report, 1.12) from the summaries, reading only
 * what happened since the window's start: on hand at the cut-off is the stock summary (on hand now) less the daily
 * summary's days after the cut-off's day less the ledger from the cut-off to the end of its day (by the time index);
 * the window's sums are the ledger of its first day from {@code from} on, the daily summary's later days up to the
 * cut-off's, less the same ledger rows after the cut-off. The history before {@code from} is never read, and nothing
 * at or after the cut-off counts, so the same cut-off gives the same answer on a later call.
 *
 * <p>Run inside {@link Ledger#readTogether}, reading in the order writes lock (ledger, stock summary, daily summary):
 * the summary and the ledger rows taken off it then belong to the same moment, on Derby (locks) and PostgreSQL
 * (snapshot) alike.
 */
final class CutOffStock {
    private final Connection c;
    /** The province summaries are read for, null: every province. */
    private final String province;
    private final LocalDate first;
    private final LocalDate last;
    /** Window sums per province × item × type (keyed on from's day), as {@link Summaries#raw} adds: {0, during, movements}. */
    private final Map<Summaries.DayKey, long[]> window = new TreeMap<>();
    /** On hand per [province, item]. */
    private final Map<List<Object>, Long> onHand = new HashMap<>();

    private CutOffStock(Connection c, String province, Instant from, Instant asOf) {
        this.c = c;
        this.province = province;
        this.first = Summaries.day(from);
        this.last = Summaries.day(asOf);
    }

    static StockAsOf read(Connection c, String province, Instant from, Instant asOf) throws SQLException {
        return new CutOffStock(c, province, from, asOf).read(from, asOf);
    }

    private StockAsOf read(Instant from, Instant asOf) throws SQLException {
        // the ledger first: after the cut-off within its day (off on hand; off the window too when the cut-off's
        // day is a later one than from's, read whole from the summary), then from's day from `from` on
        Map<Summaries.DayKey, long[]> after = new TreeMap<>();
        Summaries.raw(c, province, asOf, Summaries.startOf(last.plusDays(1)), asOf, 1, first, after);
        Instant secondDay = Summaries.startOf(first.plusDays(1));
        Summaries.raw(c, province, from, asOf.isBefore(secondDay) ? asOf : secondDay, from, 1, first, window);
        if (last.isAfter(first)) {
            after.forEach((k, s) -> add(window, k, -s[1], -s[2]));
        }
        readStockSummary();
        after.forEach((k, s) -> onHand.merge(List.of(k.province(), k.itemId()), -s[1], Long::sum));
        readDays();
        List<StockAsOf.OnHand> stock = new ArrayList<>();
        onHand.forEach((k, q) -> {
            // a key whose stock came after the cut-off nets to 0 here: left out, so a later call gives the same rows
            if (q != 0) {
                stock.add(new StockAsOf.OnHand(publicCode((String) k.get(0)), (Long) k.get(1), q));
            }
        });
        List<MovementTotal> movements = new ArrayList<>();
        window.forEach((k, s) -> {
            if (s[2] != 0) {
                movements.add(new MovementTotal(publicCode(k.province()), k.itemId(), MovementType.valueOf(k.type()),
                        0, s[1]));
            }
        });
        return new StockAsOf(stock, movements);
    }

    private void readStockSummary() throws SQLException {
        List<Object> args = province == null ? List.of() : List.of(province);
        Jdbc.query(c, "SELECT province_code, item_id, on_hand FROM tp_inv_stock_summary"
                + (province == null ? "" : " WHERE province_code = ?"), args,
                rs -> onHand.merge(List.of(rs.getString(1), rs.getLong(2)), rs.getLong(3), Long::sum));
    }

    /** The daily summary after from's day (its primary key's range): the window's whole days, then the later ones. */
    private void readDays() throws SQLException {
        List<Object> args = new ArrayList<>(List.of(first));
        if (province != null) {
            args.add(province);
        }
        Jdbc.query(c, "SELECT movement_day, province_code, item_id, movement_type, quantity, movements "
                // by the primary key's leading day: Derby's optimiser, not knowing how many days follow the parameter,
                // chose a scan of the whole summary (every day of the history); PostgreSQL reads the hint as a comment
                + "FROM tp_inv_daily_movement --DERBY-PROPERTIES constraint=tp_inv_daily_movement_pk\n"
                + "WHERE movement_day > ?" + (province == null ? "" : " AND province_code = ?"),
                args, rs -> {
                    if (Jdbc.localDate(rs, "movement_day").isAfter(last)) {
                        onHand.merge(List.of(rs.getString(2), rs.getLong(3)), -rs.getLong(5), Long::sum);
                    } else {
                        add(window, new Summaries.DayKey(first, rs.getString(2), rs.getLong(3), rs.getString(4)),
                                rs.getLong(5), rs.getLong(6));
                    }
                    return null;
                });
    }

    private static void add(Map<Summaries.DayKey, long[]> sums, Summaries.DayKey key, long quantity, long movements) {
        long[] s = sums.computeIfAbsent(key, k -> new long[3]);
        s[1] += quantity;
        s[2] += movements;
    }

    private static String publicCode(String province) {
        return province.isEmpty() ? null : province;
    }
}
