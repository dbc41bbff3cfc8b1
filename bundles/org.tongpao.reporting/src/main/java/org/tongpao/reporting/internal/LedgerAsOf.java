package org.tongpao.reporting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tongpao.core.Item;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.StockAsOf;
import org.tongpao.inventory.Transfer;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.ReportPlace;

/**
 * The daily report's stock and transit from the ledger's times only: the inventory's on hand per province × item at
 * the cut-off and its movement sums within the window ({@link StockAsOf}: the stock summary less what moved since the
 * cut-off, so the read follows the time since the window's start, not the history); a transfer is in transit at the
 * cut-off when it was dispatched before it and not received (or returned) before it — both instants are set once and
 * never change, and a province officer sees them for goods coming to it from depots it cannot see. Movements after
 * the cut-off never count, so later movements cannot change the result.
 */
final class LedgerAsOf {
    private final Directory directory;
    private final Instant from;
    private final Instant asOf;
    /** place code → category → [onHand, received, issued, out, in, writtenOff, adjusted] */
    private final Map<String, Map<String, long[]>> stock = new TreeMap<>();

    LedgerAsOf(Directory directory, Instant from, Instant asOf) {
        this.directory = directory;
        this.from = from;
        this.asOf = asOf;
    }

    /** The inventory's figures at the cut-off: on hand per province × item, the window's sums per type. */
    void add(StockAsOf figures) {
        for (StockAsOf.OnHand h : figures.onHand()) {
            long[] row = row(h.provinceCode(), h.itemId());
            if (row != null) {
                row[0] += h.onHand();
            }
        }
        for (MovementTotal m : figures.movements()) {
            long[] row = row(m.provinceCode(), m.itemId());
            if (row == null) {
                continue;
            }
            long q = m.during();
            switch (m.type()) {
                case RECEIPT -> row[1] += q;
                case ISSUE -> row[2] -= q;
                case TRANSFER_OUT -> row[3] -= q;
                case TRANSFER_IN -> row[4] += q;
                case WRITE_OFF -> row[5] -= q;
                case ADJUSTMENT -> row[6] += q;
                default -> { }
            }
        }
    }

    /** The place × category row an item's figures add to; null for an item the directory does not know. */
    private long[] row(String provinceCode, long itemId) {
        Item item = directory.item(itemId);
        if (item == null) {
            return null;
        }
        return stock.computeIfAbsent(provinceCode == null ? "" : provinceCode, k -> new TreeMap<>())
                .computeIfAbsent(item.categoryCode(), k -> new long[7]);
    }

    List<DailyReport.DailyStockRow> stock() {
        List<DailyReport.DailyStockRow> rows = new ArrayList<>();
        stock.forEach((province, byCategory) -> byCategory.forEach((category, r) -> rows.add(
                new DailyReport.DailyStockRow(directory.place(province), category, r[0], r[1], r[2], r[3], r[4], r[5],
                        r[6]))));
        rows.sort(PLACE_ORDER.thenComparing(DailyReport.DailyStockRow::categoryCode));
        return rows;
    }

    /** The transfers (as the caller sees them) in transit at the cut-off, by destination and item. */
    List<DailyReport.DailyTransitRow> inTransit(Iterable<Transfer> transfers) {
        Map<String, Map<String, long[]>> byPlace = new TreeMap<>();
        for (Transfer t : transfers) {
            boolean sent = t.dispatchedAt() != null && t.dispatchedAt().isBefore(asOf);
            boolean arrived = t.receivedAt() != null && t.receivedAt().isBefore(asOf);
            if (!sent || arrived) {
                continue;
            }
            Optional<String> to = t.toOrgUnitId() != null ? directory.unitProvince(t.toOrgUnitId())
                    : directory.depotProvince(t.toDepotId());
            Item item = directory.item(t.itemId());
            if (to.isEmpty() || item == null) {
                continue;
            }
            long[] r = byPlace.computeIfAbsent(to.get(), k -> new TreeMap<>())
                    .computeIfAbsent(item.code(), k -> new long[2]);
            r[0] += t.quantity();
            r[1]++;
        }
        List<DailyReport.DailyTransitRow> rows = new ArrayList<>();
        byPlace.forEach((province, items) -> items.forEach((code, r) -> rows.add(
                new DailyReport.DailyTransitRow(directory.place(province), code, r[0], (int) r[1]))));
        return rows;
    }

    /** Central reserve first, then provinces by code. */
    static final Comparator<DailyReport.DailyStockRow> PLACE_ORDER = Comparator
            .comparing((DailyReport.DailyStockRow r) -> !r.place().centralReserve())
            .thenComparing(r -> r.place().code());
}
