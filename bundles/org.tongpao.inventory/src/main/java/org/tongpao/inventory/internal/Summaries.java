package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.ItemStock;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.MovementType;

/**
 * The two summaries the national reports read instead of every balance and every movement (V8):
 * {@code tp_inv_stock_summary}, province × item (on hand, reserved, lots holding stock), and
 * {@code tp_inv_daily_movement}, UTC day × province × item × movement type (signed sum, count). Both are folded
 * from what the write recorded ({@link Tx#balanceDeltas}, {@link Tx#moved}) at the very end of the write's own
 * transaction, so they commit or roll back with the movements, and each summary row is locked only between the
 * fold and the commit, in key order (no deadlock between two writes touching the same rows). Province
 * {@code ''} is the ministry's own depots (the central reserve). Back-dated movements (a replica keeps the origin
 * node's time) land in their own day.
 */
final class Summaries {

    private final Map<Long, String> depotProvinces = new java.util.concurrent.ConcurrentHashMap<>();
    final ExpirySummary expiry = new ExpirySummary();
    /** Org unit → its province if it is a STATION, else {@link #NOT_A_STATION}: level and province never change. */
    private final Map<Long, String> stations = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String NOT_A_STATION = new String("-");
    /** The lot statuses that cannot be issued, as SQL literals (from the enum: constants, never input). */
    private static final String NOT_ISSUABLE = java.util.Arrays.stream(LotStatus.values())
            .filter(st -> st != LotStatus.AVAILABLE).map(st -> "'" + st.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    private record StockKey(String province, long itemId) implements Comparable<StockKey> {
        @Override
        public int compareTo(StockKey o) {
            int p = province.compareTo(o.province);
            return p != 0 ? p : Long.compare(itemId, o.itemId);
        }
    }

    record DayKey(LocalDate day, String province, long itemId, String type) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int d = day.compareTo(o.day);
            if (d != 0) {
                return d;
            }
            int p = province.compareTo(o.province);
            if (p != 0) {
                return p;
            }
            int i = Long.compare(itemId, o.itemId);
            return i != 0 ? i : type.compareTo(o.type);
        }
    }

    /**
     * The ledger read by its time index, first in the join ({@code m}). Derby's optimiser cannot know how narrow a
     * time range given by parameters is: on a padded national-scale database ({@code NationalScaleBench}) it took the
     * depots as the outer table and hashed the ledger, reading all of it for a window of a day. Derby's hints are SQL
     * comments (PostgreSQL ignores them); each ends its line.
     */
    static final String LEDGER_BY_TIME = "--DERBY-PROPERTIES joinOrder=FIXED\n"
            + "tp_inv_movement m --DERBY-PROPERTIES index=tp_inv_movement_time_ix\n";

    /**
     * The free stock of the lots that cannot be issued, the lots first and each one's balance by its key ({@code b},
     * nested loop): on a padded national-scale database ({@code NationalScaleBench}) Derby hashed the balances, reading
     * every one of them for the few such lots. Hints as in {@link #LEDGER_BY_TIME}.
     */
    static final String BLOCKED_LOTS = "SELECT d.province_code, b.item_id, b.on_hand - b.reserved FROM "
            + "--DERBY-PROPERTIES joinOrder=FIXED\n("
            + "SELECT id, depot_id FROM tp_inv_lot --DERBY-PROPERTIES index=tp_inv_lot_status_ix\n"
            + "WHERE lot_status IN (" + NOT_ISSUABLE + ") "
            + "UNION ALL SELECT id, depot_id FROM tp_inv_lot --DERBY-PROPERTIES index=tp_inv_lot_expiry_ix\n"
            + "WHERE expiry_date < ? AND lot_status = 'AVAILABLE'"
            + ") l JOIN tp_inv_balance b --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n"
            + "ON b.lot_id = l.id JOIN tp_core_v1_depot d ON d.id = l.depot_id WHERE b.on_hand > b.reserved";

    /** The UTC day a movement belongs to: the day {@code CAST(occurred_at AS DATE)} gives (stored as UTC). */
    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Folds the write's balance changes and movements into both summaries; runs last, before commit. */
    void fold(Tx tx) throws SQLException {
        foldStock(tx);
        foldDays(tx);
    }

    private void foldStock(Tx tx) throws SQLException {
        if (tx.balanceDeltas.isEmpty()) {
            return;
        }
        // lots this write created held nothing before it; any other is read by its key (a row this write already
        // holds locked, and its lot by primary key): a wider read, even an IN list, may scan and wait on rows other
        // writes hold. Each row: {item, depot, on hand after, expiry as epoch day or Tx.NO_EXPIRY}.
        Map<Long, long[]> rows = new TreeMap<>();
        for (Map.Entry<Long, long[]> d : tx.balanceDeltas.entrySet()) {
            long[] created = tx.createdLots.get(d.getKey());
            rows.put(d.getKey(), created != null ? new long[] {created[0], created[1], d.getValue()[0], created[2]}
                    : Jdbc.one(tx.c, "SELECT b.item_id, b.depot_id, b.on_hand, l.expiry_date FROM tp_inv_balance b "
                            + "JOIN tp_inv_lot l ON l.id = b.lot_id WHERE b.lot_id = ?", List.of(d.getKey()),
                            rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                epochDay(Jdbc.localDate(rs, "expiry_date"))}).orElseThrow());
        }
        Map<Long, String> provinces = provinces(tx.c, rows.values().stream().map(r -> r[1]).distinct().toList());
        Map<StockKey, long[]> sums = new TreeMap<>();
        Map<StockKey, java.util.SortedMap<LocalDate, Long>> days = new HashMap<>();
        for (Map.Entry<Long, long[]> r : rows.entrySet()) {
            long[] delta = tx.balanceDeltas.get(r.getKey());
            long after = r.getValue()[2];
            long before = after - delta[0];
            StockKey key = new StockKey(provinces.get(r.getValue()[1]), r.getValue()[0]);
            long[] s = sums.computeIfAbsent(key, k -> new long[3]);
            s[0] += delta[0];
            s[1] += delta[1];
            s[2] += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
            if (r.getValue()[3] != Tx.NO_EXPIRY && delta[0] != 0) {
                days.computeIfAbsent(key, k -> new TreeMap<>())
                        .merge(LocalDate.ofEpochDay(r.getValue()[3]), delta[0], Long::sum);
            }
        }
        for (Map.Entry<StockKey, long[]> e : sums.entrySet()) {
            long[] s = e.getValue();
            java.util.SortedMap<LocalDate, Long> expiring = days.get(e.getKey());
            // a key whose expiry days change is locked here even when its totals do not (stock moved between days)
            if (s[0] == 0 && s[1] == 0 && s[2] == 0 && expiring == null) {
                continue;
            }
            List<Object> key = List.of(e.getKey().province(), e.getKey().itemId());
            upsert(tx.c, "UPDATE tp_inv_stock_summary SET on_hand = on_hand + ?, reserved = reserved + ?, "
                    + "lots = lots + ? WHERE province_code = ? AND item_id = ?",
                    "INSERT INTO tp_inv_stock_summary (on_hand, reserved, lots, province_code, item_id) "
                    + "VALUES (?, ?, ?, ?, ?)", List.of(s[0], s[1], s[2]), key);
            if (expiring != null) {
                expiry.fold(tx.c, e.getKey().province(), e.getKey().itemId(), expiring);
            }
        }
    }

    private static long epochDay(LocalDate day) {
        return day == null ? Tx.NO_EXPIRY : day.toEpochDay();
    }

    private void foldDays(Tx tx) throws SQLException {
        if (tx.moved.isEmpty()) {
            return;
        }
        Map<Long, String> provinces = provinces(tx.c, tx.moved.stream().map(Movement::depotId).distinct().toList());
        Map<DayKey, long[]> sums = new TreeMap<>();
        for (Movement m : tx.moved) {
            long[] s = sums.computeIfAbsent(new DayKey(day(m.occurredAt()), provinces.get(m.depotId()), m.itemId(),
                    m.type().name()), k -> new long[2]);
            s[0] += m.quantity();
            s[1]++;
        }
        Map<StockKey, long[]> frontLine = new TreeMap<>();
        for (Movement m : tx.moved) {
            if (m.type() == MovementType.ISSUE && m.orgUnitId() != null) {
                String station = station(tx.c, m.orgUnitId());
                if (station != null) {
                    frontLine.computeIfAbsent(new StockKey(station, m.itemId()), k -> new long[1])[0] -= m.quantity();
                }
            }
        }
        for (Map.Entry<DayKey, long[]> e : sums.entrySet()) {
            DayKey k = e.getKey();
            upsert(tx.c, "UPDATE tp_inv_daily_movement SET quantity = quantity + ?, movements = movements + ? "
                    + "WHERE movement_day = ? AND province_code = ? AND item_id = ? AND movement_type = ?",
                    "INSERT INTO tp_inv_daily_movement (quantity, movements, movement_day, province_code, item_id, "
                    + "movement_type) VALUES (?, ?, ?, ?, ?, ?)", List.of(e.getValue()[0], e.getValue()[1]),
                    List.of(k.day(), k.province(), k.itemId(), k.type()));
        }
        for (Map.Entry<StockKey, long[]> e : frontLine.entrySet()) {
            upsert(tx.c, "UPDATE tp_inv_front_line SET issued = issued + ? WHERE province_code = ? AND item_id = ?",
                    "INSERT INTO tp_inv_front_line (issued, province_code, item_id) VALUES (?, ?, ?)",
                    List.of(e.getValue()[0]), List.of(e.getKey().province(), e.getKey().itemId()));
        }
    }

    /** The province of an org unit at level STATION ('' if it has none), null for any other level; remembered. */
    private String station(Connection c, long unitId) throws SQLException {
        String p = stations.get(unitId);
        if (p == null) {
            p = Jdbc.one(c, "SELECT unit_level, province_code FROM tp_core_v1_org_unit WHERE id = ?", List.of(unitId),
                    rs -> "STATION".equals(rs.getString(1)) ? province(rs.getString(2)) : NOT_A_STATION).orElse(NOT_A_STATION);
            stations.put(unitId, p);
        }
        return p == NOT_A_STATION ? null : p;
    }

    /**
     * What was issued to front-line units (level STATION) per the unit's province ({@code null}: every province) and
     * the item's category ({@code null}: every category), keyed [province or null, category].
     */
    Map<List<String>, Long> frontLine(Connection c, String province, String categoryCode) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT f.province_code, i.category_code, f.issued FROM tp_inv_front_line f "
                + "JOIN tp_core_v1_item i ON i.id = f.item_id WHERE f.issued <> 0");
        List<Object> args = new ArrayList<>();
        if (province != null) {
            sql.append(" AND f.province_code = ?");
            args.add(province);
        }
        if (categoryCode != null) {
            sql.append(" AND i.category_code = ?");
            args.add(categoryCode);
        }
        Map<List<String>, Long> out = new HashMap<>();
        // summed here, not by GROUP BY: every Derby sort asks the JVM for its free memory, a lock all threads share
        Jdbc.query(c, sql.toString(), args, rs -> out.merge(Arrays.asList(
                rs.getString(1).isEmpty() ? null : rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum));
        return out;
    }

    /**
     * The province of each depot ('' for the ministry's own), by primary key, remembered: a depot's province is its
     * owner's and never changes (core updates only its name and address).
     */
    private Map<Long, String> provinces(Connection c, List<Long> depots) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        for (long depot : depots) {
            String p = depotProvinces.get(depot);
            if (p == null) {
                p = Jdbc.one(c, "SELECT province_code FROM tp_core_v1_depot WHERE id = ?", List.of(depot),
                        rs -> province(rs.getString(1))).orElseThrow(() -> new IllegalStateException("no depot " + depot));
                depotProvinces.put(depot, p);
            }
            out.put(depot, p);
        }
        return out;
    }

    /**
     * Adds to a summary row, creating it the first time. Two writes creating the same row race on the primary
     * key: the loser's insert fails (inside a savepoint, so PostgreSQL's transaction survives) and it adds to the
     * winner's row instead.
     */
    static void upsert(Connection c, String update, String insert, List<Object> values, List<Object> key)
            throws SQLException {
        List<Object> args = new ArrayList<>(values);
        args.addAll(key);
        if (Jdbc.update(c, update, args) == 1) {
            return;
        }
        Savepoint sp = c.setSavepoint();
        try {
            Jdbc.update(c, insert, args);
            c.releaseSavepoint(sp);
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(sp);
            if (Jdbc.update(c, update, args) != 1) {
                throw new IllegalStateException("summary row " + key + " neither inserted nor updated", e);
            }
        }
    }

    // ------------------------------------------------------------------ reads
    // SORTS: the reads below sum and order in Java, never by GROUP BY or ORDER BY. Each Derby sort starts by asking
    // the JVM for its free memory (Runtime.freeMemory, answered under the heap's lock): in stack dumps of 16
    // concurrent /reports/stock requests 21 of 31 busy samples were there (jcmd Thread.print, 2026-12-07; such dumps
    // over-weight native frames). The rows summed are the ones a GROUP BY reads anyway.

    /**
     * Province × item stock from the summary (one province, or null: all). Available is on hand less reserved
     * less the free stock of lots that cannot be issued (not AVAILABLE, or expired): those are read from the
     * lots by their status and expiry indexes, so the read follows the number of such lots, not of balances.
     */
    List<ItemStock> itemStock(Connection c, String province, LocalDate today) throws SQLException {
        String only = province == null ? "" : " AND province_code = ?";
        List<Object> args = province == null ? List.of() : List.of(province(province));
        Map<StockKey, Long> blocked = new HashMap<>();
        // the free stock of lots that cannot be issued, in one statement (it was one query per status plus
        // one per such lot): each branch of the union selects lots by one indexed column (status; expiry for
        // AVAILABLE lots), their balances and depots joined by key. Not one WHERE with OR: that cannot use either index.
        List<Object> blockedArgs = new ArrayList<>(List.of(today));
        if (province != null) {
            blockedArgs.add(province);
        }
        Jdbc.query(c, BLOCKED_LOTS + (province == null ? "" : " AND d.province_code = ?"), blockedArgs,
                rs -> blocked.merge(new StockKey(province(rs.getString(1)), rs.getLong(2)), rs.getLong(3), Long::sum));
        List<ItemStock> rows = Jdbc.query(c, "SELECT province_code, item_id, on_hand, reserved, lots "
                + "FROM tp_inv_stock_summary WHERE (on_hand > 0 OR reserved > 0)" + only, args, rs -> {
                    String p = rs.getString(1);
                    long item = rs.getLong(2);
                    long onHand = rs.getLong(3);
                    long reserved = rs.getLong(4);
                    long available = onHand - reserved - blocked.getOrDefault(new StockKey(p, item), 0L);
                    return new ItemStock(p.isEmpty() ? null : p, item, onHand, reserved, available, rs.getLong(5));
                });
        // ordered here (province, the reserve first, then item), not by ORDER BY: see SORTS
        rows.sort(Comparator.comparing((ItemStock r) -> province(r.provinceCode())).thenComparingLong(ItemStock::itemId));
        return rows;
    }

    /**
     * Signed movement sums per province × item × type before {@code from} and in [{@code from}, {@code asOf}):
     * whole days from the daily summary, the ledger by its time index only for the part of {@code from}'s day the
     * summary cannot split, and for {@code asOf}'s day: when that day is {@code today} (the cover's window, a daily
     * report as of now) its summary row less what the ledger holds from {@code asOf} on (normally nothing: the read
     * follows the days of the window, not the movements of today), else the ledger up to {@code asOf}. Nothing at
     * or after {@code asOf} is counted.
     */
    List<MovementTotal> movementTotals(Connection c, String province, Instant from, Instant asOf, LocalDate today)
            throws SQLException {
        LocalDate first = day(from);
        LocalDate last = day(asOf);
        boolean lastFromSummary = last.isAfter(first) && !last.isBefore(today);
        Map<DayKey, long[]> sums = new TreeMap<>();
        if (lastFromSummary) {
            // read before the summary: a movement after asOf committed in between is then counted (it is as recent
            // as the report), never taken off without having been added
            raw(c, province, asOf, startOf(last.plusDays(1)), asOf, -1, first, sums);
        }
        String only = province == null ? "" : " AND province_code = ?";
        List<Object> args = new ArrayList<>(List.of(lastFromSummary ? last.plusDays(1) : last, first));
        if (province != null) {
            args.add(province(province));
        }
        Jdbc.query(c, "SELECT province_code, item_id, movement_type, movement_day, quantity, movements "
                + "FROM tp_inv_daily_movement WHERE movement_day < ? AND movement_day <> ?" + only, args, rs -> {
                    long[] s = sums.computeIfAbsent(new DayKey(first, rs.getString(1), rs.getLong(2),
                            rs.getString(3)), k -> new long[3]);
                    s[Jdbc.localDate(rs, "movement_day").isBefore(first) ? 0 : 1] += rs.getLong(5);
                    s[2] += rs.getLong(6);
                    return null;
                });
        Instant secondDay = startOf(first.plusDays(1));
        raw(c, province, startOf(first), asOf.isBefore(secondDay) ? asOf : secondDay, from, 1, first, sums);
        if (last.isAfter(first) && !lastFromSummary) {
            raw(c, province, startOf(last), asOf, startOf(last), 1, first, sums);
        }
        return totals(sums);
    }

    /**
     * Signed movement sums per province × item × type from {@code from} up to this read (all {@code during}): the rest
     * of {@code from}'s day from the ledger by its time index, the days after it up to {@code today} whole from the
     * daily summary. No cut-off inside today (what {@link #movementTotals} takes off with a second ledger read): the
     * read follows the window's days, never the summary's history before them nor today's movements.
     */
    List<MovementTotal> movementsSince(Connection c, String province, Instant from, LocalDate today)
            throws SQLException {
        LocalDate first = day(from);
        Map<DayKey, long[]> sums = new TreeMap<>();
        List<Object> args = new ArrayList<>(List.of(first, today));
        if (province != null) {
            args.add(province(province));
        }
        Jdbc.query(c, "SELECT province_code, item_id, movement_type, quantity, movements FROM tp_inv_daily_movement "
                + "WHERE movement_day > ? AND movement_day <= ?" + (province == null ? "" : " AND province_code = ?"),
                args, rs -> {
                    long[] s = sums.computeIfAbsent(new DayKey(first, rs.getString(1), rs.getLong(2),
                            rs.getString(3)), k -> new long[3]);
                    s[1] += rs.getLong(4);
                    s[2] += rs.getLong(5);
                    return null;
                });
        raw(c, province, from, startOf(first.plusDays(1)), from, 1, first, sums);
        return totals(sums);
    }

    /** The sums as rows: {before, during, movements} per key; a key whose movements were all out of range is left out. */
    private static List<MovementTotal> totals(Map<DayKey, long[]> sums) {
        List<MovementTotal> out = new ArrayList<>();
        sums.forEach((k, s) -> {
            if (s[2] != 0) {
                out.add(new MovementTotal(k.province().isEmpty() ? null : k.province(), k.itemId(),
                        MovementType.valueOf(k.type()), s[0], s[1]));
            }
        });
        return out;
    }

    /**
     * Adds {@code sign} × the ledger's movements in [{@code lo}, {@code hi}) to {@code sums}: before {@code split} to
     * the "before" sum, from it on to "during", and their number.
     */
    static void raw(Connection c, String province, Instant lo, Instant hi, Instant split, int sign,
            LocalDate keyDay, Map<DayKey, long[]> sums) throws SQLException {
        if (!lo.isBefore(hi)) {
            return;
        }
        List<Object> args = new ArrayList<>(List.of(split, lo, hi));
        if (province != null) {
            args.add(province);
        }
        // the ledger by its time index, then each row's depot: see LEDGER_BY_TIME
        Jdbc.query(c, "SELECT d.province_code, m.item_id, m.movement_type, "
                + "CASE WHEN m.occurred_at < ? THEN 1 ELSE 0 END, m.quantity "
                + "FROM " + LEDGER_BY_TIME + " JOIN tp_core_v1_depot d ON d.id = m.depot_id "
                + "WHERE m.occurred_at >= ? AND m.occurred_at < ?" + (province == null ? "" : " AND d.province_code = ?"),
                args, rs -> {
                    long[] s = sums.computeIfAbsent(new DayKey(keyDay, province(rs.getString(1)), rs.getLong(2),
                            rs.getString(3)), k -> new long[3]);
                    s[rs.getInt(4) == 1 ? 0 : 1] += sign * rs.getLong(5);
                    s[2] += sign;
                    return null;
                });
    }

    private static String province(String code) {
        return code == null ? "" : code;
    }

}
