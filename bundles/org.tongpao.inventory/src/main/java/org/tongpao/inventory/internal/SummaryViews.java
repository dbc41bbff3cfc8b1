package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.ExpiryStock;
import org.tongpao.inventory.ItemStock;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.RecentStock;
import org.tongpao.inventory.StockAsOf;

/**
 * The reads of {@link Summaries} within a caller's scope: national and provincial reach read the summaries; a depot
 * keeper (whose scope is one depot, finer than the summaries) gets the same figures summed from that depot's
 * balances and movements, which are one depot's volume.
 */
final class SummaryViews {
    private final Ledger ledger;

    SummaryViews(Ledger ledger) {
        this.ledger = ledger;
    }

    List<ItemStock> itemStock(Caller caller) {
        LocalDate today = ledger.today();
        return switch (ScopeRules.readReach(caller)) {
            case ALL, PROVINCE -> ledger.read(c -> ledger.summaries.itemStock(c, Views.summaryProvince(caller), today));
            case DEPOT -> ledger.read(c -> Jdbc.query(c, "SELECT d.province_code, b.item_id, SUM(b.on_hand), "
                    + "SUM(b.reserved), SUM(CASE WHEN " + Expiry.issuable("l", "?") + " THEN b.on_hand - b.reserved "
                    + "ELSE 0 END), SUM(CASE WHEN b.on_hand > 0 THEN 1 ELSE 0 END) FROM tp_inv_balance b "
                    + "JOIN tp_inv_lot l ON l.id = b.lot_id JOIN tp_core_v1_depot d ON d.id = b.depot_id "
                    + "WHERE b.on_hand > 0 AND d.code = ? GROUP BY d.province_code, b.item_id ORDER BY b.item_id",
                    List.of(today, caller.depotCode()), rs -> new ItemStock(rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))));
            default -> List.of();
        };
    }

    List<MovementTotal> movementTotals(Caller caller, Instant from, Instant asOf) {
        checkWindow(from, asOf);
        return switch (ScopeRules.readReach(caller)) {
            case ALL, PROVINCE -> ledger.read(c -> ledger.summaries.movementTotals(c, Views.summaryProvince(caller),
                    from, asOf, Summaries.day(ledger.now())));
            case DEPOT -> ledger.read(c -> Jdbc.query(c, "SELECT d.province_code, m.item_id, m.movement_type, "
                    + "SUM(CASE WHEN m.occurred_at < ? THEN m.quantity ELSE 0 END), "
                    + "SUM(CASE WHEN m.occurred_at >= ? THEN m.quantity ELSE 0 END) FROM tp_inv_movement m "
                    + "JOIN tp_core_v1_depot d ON d.id = m.depot_id WHERE m.occurred_at < ? AND d.code = ? "
                    + "GROUP BY d.province_code, m.item_id, m.movement_type ORDER BY m.item_id, m.movement_type",
                    List.of(from, from, asOf, caller.depotCode()), rs -> new MovementTotal(rs.getString(1),
                            rs.getLong(2), MovementType.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5))));
            default -> List.of();
        };
    }

    /**
     * On hand at {@code asOf} and the window's sums (1.12). National and provincial reach: {@link CutOffStock}, in one
     * repeatable-read transaction; a depot keeper's from that depot's ledger ({@link #movementTotals}: one depot's volume).
     */
    StockAsOf stockAsOf(Caller caller, Instant from, Instant asOf) {
        checkWindow(from, asOf);
        return switch (ScopeRules.readReach(caller)) {
            case ALL, PROVINCE -> ledger.readTogether(c -> CutOffStock.read(c, Views.summaryProvince(caller), from,
                    asOf));
            case DEPOT -> {
                List<MovementTotal> totals = movementTotals(caller, from, asOf);
                Map<List<Object>, Long> onHand = new LinkedHashMap<>();
                totals.forEach(m -> onHand.merge(Arrays.asList(m.provinceCode(), m.itemId()), m.before() + m.during(),
                        Long::sum));
                yield new StockAsOf(onHand.entrySet().stream().filter(e -> e.getValue() != 0).map(e -> new StockAsOf.OnHand((String) e.getKey().get(0),
                        (Long) e.getKey().get(1), e.getValue())).toList(), totals.stream().filter(m -> m.during() != 0)
                        .map(m -> new MovementTotal(m.provinceCode(), m.itemId(), m.type(), 0, m.during())).toList());
            }
            default -> new StockAsOf(List.of(), List.of());
        };
    }

    /**
     * The item summary, the movement sums since {@code from} and the transfers in transit (1.11). National and provincial
     * reach: one transaction on one connection (one commit, not one per statement), the daily summary read from
     * {@code from}'s day on only; a depot keeper's figures are one depot's volume and are read as the three views read them.
     */
    RecentStock recentStock(Caller caller, Instant from) {
        Instant now = ledger.now();
        checkWindow(from, now);
        return switch (ScopeRules.readReach(caller)) {
            case ALL, PROVINCE -> {
                String province = Views.summaryProvince(caller);
                LocalDate today = ledger.today();
                yield ledger.readInOneTransaction(c -> new RecentStock(ledger.summaries.itemStock(c, province, today),
                        ledger.summaries.movementsSince(c, province, from, Summaries.day(now)),
                        TransferViews.inTransit(c, caller)));
            }
            // the ledger up to a moment just after the read's: a movement booked meanwhile is as recent as the read
            case DEPOT -> new RecentStock(itemStock(caller), movementTotals(caller, from, now.plusSeconds(1)).stream()
                    .filter(m -> m.during() != 0) // the depot's sums hold every key it ever moved
                    .map(m -> new MovementTotal(m.provinceCode(), m.itemId(), m.type(), 0, m.during())).toList(),
                    ledger.read(c -> TransferViews.inTransit(c, caller)));
            default -> new RecentStock(List.of(), List.of(), List.of());
        };
    }

    private static void checkWindow(Instant from, Instant asOf) {
        if (from == null || asOf == null || from.isAfter(asOf)) {
            throw new ValidationException("from", "from and asOf are required and from must not be after asOf");
        }
    }

    /**
     * Each province × item's earliest expiry with stock on hand (1.10). National and provincial reach read the stock
     * summary's kept earliest day; a depot keeper's is found in that depot's balances (one depot's volume).
     */
    List<ExpiryStock> earliestExpiry(Caller caller) {
        return switch (ScopeRules.readReach(caller)) {
            case ALL, PROVINCE -> ledger.read(c -> ledger.summaries.expiry.earliest(c, Views.summaryProvince(caller)));
            case DEPOT -> {
                Map<List<Object>, ExpiryStock> first = new HashMap<>();
                for (ExpiryStock e : depotExpiry(caller, null)) {
                    first.merge(java.util.Arrays.asList(e.provinceCode(), e.itemId()), e,
                            (a, b) -> a.expiryDate().isAfter(b.expiryDate()) ? b : a);
                }
                List<ExpiryStock> rows = new ArrayList<>(first.values());
                rows.sort(ExpirySummary.ORDER);
                yield rows;
            }
            default -> List.of();
        };
    }

    /** Stock on hand per province × item × expiry day for the days before {@code before} (1.10). */
    List<ExpiryStock> expiringBefore(Caller caller, LocalDate before) {
        if (before == null) {
            throw new ValidationException("before", "before is required");
        }
        return switch (ScopeRules.readReach(caller)) {
            case ALL, PROVINCE -> ledger.read(c -> ledger.summaries.expiry.before(c, Views.summaryProvince(caller),
                    before));
            case DEPOT -> depotExpiry(caller, before);
            default -> List.of();
        };
    }

    /** A depot keeper's stock per item × expiry day (before {@code before}, or null: every day), from its balances. */
    private List<ExpiryStock> depotExpiry(Caller caller, LocalDate before) {
        List<Object> args = new ArrayList<>(List.of(caller.depotCode()));
        if (before != null) {
            args.add(before);
        }
        List<ExpiryStock> rows = ledger.read(c -> Jdbc.query(c, "SELECT d.province_code, b.item_id, l.expiry_date, "
                + "SUM(b.on_hand) FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                + "JOIN tp_core_v1_depot d ON d.id = b.depot_id WHERE b.on_hand > 0 AND d.code = ? "
                + "AND l.expiry_date IS NOT NULL" + (before == null ? "" : " AND l.expiry_date < ?")
                + " GROUP BY d.province_code, b.item_id, l.expiry_date", args,
                rs -> new ExpiryStock(rs.getString(1), rs.getLong(2), Jdbc.localDate(rs, "expiry_date"),
                        rs.getLong(4))));
        rows = new ArrayList<>(rows);
        rows.sort(ExpirySummary.ORDER);
        return rows;
    }

    /**
     * Province × category rows ({province, category, onHand, reserved, available}) from the item summary, for the
     * national report; {@code categoryCode} null: every category. {@code items}: the summary's rows read in the
     * same transaction.
     */
    static List<Object[]> byCategory(Connection c, List<ItemStock> items, String categoryCode) throws SQLException {
        Map<Long, String> categories = new HashMap<>();
        Jdbc.query(c, "SELECT id, category_code FROM tp_core_v1_item", List.of(),
                rs -> categories.put(rs.getLong(1), rs.getString(2)));
        Map<List<String>, long[]> sums = new TreeMap<>((a, b) -> {
            int p = compare(a.get(0), b.get(0));
            return p != 0 ? p : compare(a.get(1), b.get(1));
        });
        for (ItemStock s : items) {
            String category = categories.get(s.itemId());
            if (s.onHand() <= 0 || categoryCode != null && !categoryCode.equals(category)) {
                continue;
            }
            long[] r = sums.computeIfAbsent(java.util.Arrays.asList(s.provinceCode(), category), k -> new long[3]);
            r[0] += s.onHand();
            r[1] += s.reserved();
            r[2] += s.available();
        }
        List<Object[]> rows = new ArrayList<>();
        sums.forEach((k, r) -> rows.add(new Object[] {k.get(0), k.get(1), r[0], r[1], r[2]}));
        return rows;
    }

    private static int compare(String a, String b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }
}
