package org.tongpao.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.core.Item;
import org.tongpao.inventory.ExpiryStock;
import org.tongpao.inventory.StockLedger;
import org.tongpao.reporting.ExpiringReport;
import org.tongpao.reporting.ReportPlace;

/**
 * The expiring-stock report: the inventory's expiry days up to the cut-off summed per place × item, beside the
 * place × item's stock on hand. Two reads of kept summaries: the cost follows the rows, never lots or movements.
 */
final class ExpiringStock {
    private final StockLedger ledger;
    private final Labels labels;

    ExpiringStock(StockLedger ledger, Labels labels) {
        this.ledger = ledger;
        this.labels = labels;
    }

    /** Days are UTC days, as the inventory's expiry summary keeps them. */
    ExpiringReport report(Caller caller, String scope, Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate lastDay = today.plusDays(days);
        Map<String, long[]> expiring = new TreeMap<>();
        Map<String, LocalDate> earliest = new TreeMap<>();
        for (ExpiryStock e : ledger.expiringBefore(caller, lastDay.plusDays(1))) {
            String key = (e.provinceCode() == null ? "" : e.provinceCode()) + "|" + e.itemId();
            expiring.computeIfAbsent(key, k -> new long[1])[0] += e.onHand();
            earliest.merge(key, e.expiryDate(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, long[]> onHand = expiring.isEmpty() ? Map.of() : ItemTotals.rollUp(ledger, caller);
        Directory dir = labels.forRequest(caller);
        List<ExpiringReport.ExpiringRow> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : expiring.entrySet()) {
            int bar = e.getKey().indexOf('|');
            ReportPlace place = dir.place(e.getKey().substring(0, bar));
            Item item = dir.item(Long.parseLong(e.getKey().substring(bar + 1)));
            if (item == null || !Directory.visible(caller, place)) {
                continue;
            }
            long[] totals = onHand.get(e.getKey());
            long held = totals == null ? 0 : totals[ItemTotals.ON_HAND];
            LocalDate first = earliest.get(e.getKey());
            rows.add(new ExpiringReport.ExpiringRow(place, item.code(), item.name(), item.nameZh(),
                    item.categoryCode(), first, ChronoUnit.DAYS.between(today, first), e.getValue()[0], held,
                    share(e.getValue()[0], held)));
        }
        rows.sort(ORDER);
        return new ExpiringReport(scope, now, days, lastDay, rows);
    }

    /** Soonest first; then the central reserve, provinces by code, items by code. */
    static final Comparator<ExpiringReport.ExpiringRow> ORDER = Comparator
            .comparing(ExpiringReport.ExpiringRow::earliestExpiry)
            .thenComparing((ExpiringReport.ExpiringRow r) -> !r.place().centralReserve())
            .thenComparing(r -> r.place().code()).thenComparing(ExpiringReport.ExpiringRow::itemCode);

    static Double share(long part, long whole) {
        return whole <= 0 ? null : Math.round(part * 1000.0 / whole) / 1000.0;
    }
}
