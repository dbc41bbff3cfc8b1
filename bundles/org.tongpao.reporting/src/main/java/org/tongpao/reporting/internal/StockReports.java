package org.tongpao.reporting.internal;

import static org.tongpao.reporting.internal.ReportsComponent.capability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tongpao.core.Caller;
import org.tongpao.core.Item;
import org.tongpao.inventory.ExpiryStock;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.RecentStock;
import org.tongpao.inventory.StockLedger;
import org.tongpao.inventory.StockSnapshot;
import org.tongpao.inventory.Transfer;
import org.tongpao.reporting.Capability;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.ReportPlace;
import org.tongpao.reporting.StockReport;
import org.tongpao.reporting.internal.sources.ProcurementSource;

/** The stock and cover reports: what each place holds, and how long it lasts at the recent rate of issues. */
final class StockReports {
    private final StockLedger ledger;
    private final Labels labels;

    StockReports(StockLedger ledger, Labels labels) {
        this.ledger = ledger;
        this.labels = labels;
    }

    StockReport stock(Caller caller, String scope, Instant now, Capability federation) {
        Directory dir = labels.forRequest(caller);
        // by category and by item from one read of the inventory's summary
        StockSnapshot stock = ledger.stock(caller);
        List<StockReport.StockCategoryRow> byCategory = new ArrayList<>();
        for (ProvinceStock s : stock.byCategory()) {
            ReportPlace place = dir.place(s.provinceCode());
            if (Directory.visible(caller, place)) {
                byCategory.add(new StockReport.StockCategoryRow(place, s.categoryCode(), s.onHand(), s.reserved(),
                        s.available(), s.deliveredToFrontLine(), s.replicatedFrom(), s.asOf(),
                        s.asOf() == null ? null : Duration.between(s.asOf(), now).toSeconds()));
            }
        }
        byCategory.sort(Comparator.comparing((StockReport.StockCategoryRow r) -> !r.place().centralReserve())
                .thenComparing(r -> r.place().code()).thenComparing(StockReport.StockCategoryRow::categoryCode));
        List<StockReport.StockItemRow> byItem = new ArrayList<>();
        Map<String, ExpiryStock> earliest = earliestExpiry(caller);
        for (long[] r : ItemTotals.rollUp(stock.byItem()).values()) {
            ReportPlace place = dir.place(ItemTotals.province(r));
            Item item = dir.item(r[ItemTotals.ITEM]);
            if (item != null && Directory.visible(caller, place)) {
                ExpiryStock first = earliest.get(ItemTotals.province(r) + "|" + r[ItemTotals.ITEM]);
                byItem.add(new StockReport.StockItemRow(place, item.code(), item.name(), item.nameZh(),
                        item.categoryCode(), r[ItemTotals.ON_HAND], r[ItemTotals.RESERVED], r[ItemTotals.AVAILABLE],
                        first == null ? null : first.expiryDate(), first == null ? null : first.onHand()));
            }
        }
        byItem.sort(Comparator.comparing((StockReport.StockItemRow r) -> !r.place().centralReserve())
                .thenComparing(r -> r.place().code()).thenComparing(StockReport.StockItemRow::itemCode));
        return new StockReport(scope, now, byCategory, byItem, federation);
    }

    /** Each province × item's earliest expiry (inventory's kept summary), keyed {@code province|itemId}. */
    private Map<String, ExpiryStock> earliestExpiry(Caller caller) {
        Map<String, ExpiryStock> out = new HashMap<>();
        for (ExpiryStock e : ledger.earliestExpiry(caller)) {
            out.put((e.provinceCode() == null ? "" : e.provinceCode()) + "|" + e.itemId(), e);
        }
        return out;
    }

    /**
     * {@code orders}: procurement's open orders, null when procurement is not installed; {@code oneRead}: the
     * inventory's three inputs from one read ({@link StockLedger#recentStock}), else from three.
     */
    CoverReport cover(Caller caller, String scope, Instant now, int window, ProcurementSource orders, boolean oneRead) {
        Directory dir = labels.forRequest(caller);
        Instant from = now.minus(Duration.ofDays(window));
        RecentStock recent = oneRead ? ledger.recentStock(caller, from)
                : new RecentStock(ledger.itemStock(caller), ledger.movementTotals(caller, from, now),
                        AllPages.read((limit, cursor) -> ledger.transfers(caller, Transfer.Status.IN_TRANSIT, null,
                                limit, cursor)));
        Map<String, long[]> totals = ItemTotals.rollUp(recent.byItem());
        Map<String, Long> issued = new HashMap<>();
        for (MovementTotal m : recent.movements()) {
            if (m.type() == MovementType.ISSUE) {
                issued.merge((m.provinceCode() == null ? "" : m.provinceCode()) + "|" + m.itemId(), -m.during(),
                        Long::sum);
            }
        }
        Map<String, Long> inTransit = new HashMap<>();
        for (Transfer t : recent.inTransit()) {
            Optional<String> to = t.toOrgUnitId() != null ? dir.unitProvince(t.toOrgUnitId())
                    : dir.depotProvince(t.toDepotId());
            to.ifPresent(p -> inTransit.merge(p + "|" + t.itemId(), t.quantity(), Long::sum));
        }
        Map<String, Long> onOrder = new HashMap<>();
        if (orders != null) {
            for (ProcurementSource.OnOrder o : orders.onOrder(caller)) {
                dir.depotProvince(o.depotId()).ifPresent(p -> onOrder.merge(p + "|" + o.itemId(), o.outstanding(),
                        Long::sum));
            }
        }
        Set<String> keys = new TreeSet<>(totals.keySet());
        keys.addAll(issued.keySet());
        keys.addAll(inTransit.keySet());
        keys.addAll(onOrder.keySet());
        List<CoverReport.CoverRow> rows = new ArrayList<>();
        for (String key : keys) {
            int bar = key.indexOf('|');
            ReportPlace place = dir.place(key.substring(0, bar));
            Item item = dir.item(Long.parseLong(key.substring(bar + 1)));
            if (item == null || !Directory.visible(caller, place)) {
                continue;
            }
            long[] t = totals.get(key);
            rows.add(Cover.row(place, item.code(), item.name(), t == null ? 0 : t[ItemTotals.ON_HAND],
                    t == null ? 0 : t[ItemTotals.AVAILABLE], issued.getOrDefault(key, 0L), window,
                    inTransit.getOrDefault(key, 0L), orders == null ? null : onOrder.getOrDefault(key, 0L), now));
        }
        // the soonest stock-out first; places without a forecast after, by place and item
        rows.sort(Comparator.comparing(CoverReport.CoverRow::stockOutDate,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing((CoverReport.CoverRow r) -> !r.place().centralReserve())
                .thenComparing(r -> r.place().code()).thenComparing(CoverReport.CoverRow::itemCode));
        return new CoverReport(scope, now, window, capability("procurement", orders), rows);
    }
}
