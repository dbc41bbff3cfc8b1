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
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.core.Item;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.ReserveCensus;
import org.tongpao.inventory.StockLedger;
import org.tongpao.inventory.Transfer;
import org.tongpao.reporting.BatchReport;
import org.tongpao.reporting.CensusReport;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.ReportPlace;
import org.tongpao.reporting.ShortageReport;
import org.tongpao.reporting.TransitReport;
import org.tongpao.reporting.internal.sources.AllocationSource;
import org.tongpao.reporting.internal.sources.DonationSource;
import org.tongpao.reporting.internal.sources.TransportSource;

/**
 * The reports on what moves and what is asked for: shortages against open needs, goods in transit, batches, the
 * census and the daily report. Optional sources come as arguments, null when their capability is not installed.
 */
final class ActivityReports {
    private final StockLedger ledger;
    private final ReserveCensus censuses;
    private final Labels labels;

    ActivityReports(StockLedger ledger, ReserveCensus censuses, Labels labels) {
        this.ledger = ledger;
        this.censuses = censuses;
        this.labels = labels;
    }

    /** {@code source}: allocation, null when it is not installed. */
    ShortageReport shortages(Caller caller, String scope, Instant now, AllocationSource source) {
        if (source == null) {
            return new ShortageReport(scope, now, capability("allocation", null), List.of());
        }
        Directory dir = labels.forRequest(caller);
        Map<String, long[]> totals = ItemTotals.rollUp(ledger, caller);
        // available per province × item and per province × category
        Map<String, Long> available = new HashMap<>();
        for (long[] r : totals.values()) {
            Item item = dir.item(r[ItemTotals.ITEM]);
            String p = ItemTotals.province(r);
            available.merge(p + "|" + r[ItemTotals.ITEM], r[ItemTotals.AVAILABLE], Long::sum);
            if (item != null) {
                available.merge(p + "|" + item.categoryCode(), r[ItemTotals.AVAILABLE], Long::sum);
            }
        }
        record Group(String province, String keyArea, int urgencyRank, String urgency, boolean frontLine,
                String what, String category) {
        }
        Map<Group, long[]> groups = new HashMap<>();
        for (AllocationSource.OpenNeed n : source.openNeeds(caller)) {
            Item item = n.itemId() == null ? null : dir.item(n.itemId());
            String what = item != null ? item.code() : n.categoryCode();
            String category = item != null ? item.categoryCode() : n.categoryCode();
            long[] g = groups.computeIfAbsent(new Group(n.provinceCode(), n.keyArea(), n.urgencyRank(), n.urgency(),
                    n.frontLine(), what, category), k -> new long[2]);
            g[0]++;
            g[1] += n.remaining();
        }
        List<ShortageReport.ShortageRow> rows = new ArrayList<>();
        List<Map.Entry<Group, long[]>> ordered = new ArrayList<>(groups.entrySet());
        // the seed's priority rule: key areas first, then urgency, then front line
        ordered.sort(Comparator.comparing((Map.Entry<Group, long[]> e) -> e.getKey().keyArea() == null)
                .thenComparingInt(e -> e.getKey().urgencyRank())
                .thenComparing(e -> !e.getKey().frontLine())
                .thenComparing(e -> e.getKey().province())
                .thenComparing(e -> e.getKey().what()));
        for (Map.Entry<Group, long[]> e : ordered) {
            Group g = e.getKey();
            ReportPlace place = dir.place(g.province());
            if (!Directory.visible(caller, place)) {
                continue;
            }
            Long itemId = dir.items().stream().filter(i -> i.code().equals(g.what())).map(Item::id).findFirst()
                    .orElse(null);
            long avail = available.getOrDefault(g.province() + "|" + (itemId != null ? itemId : g.what()), 0L);
            long remaining = e.getValue()[1];
            rows.add(new ShortageReport.ShortageRow(place, g.keyArea(), g.urgency(), g.frontLine(), g.what(),
                    g.category(),
                    (int) e.getValue()[0], remaining, avail, Math.max(0, remaining - avail)));
        }
        return new ShortageReport(scope, now, capability("allocation", source), rows);
    }

    /** {@code source}: transport, null when it is not installed. */
    TransitReport transit(Caller caller, String scope, Instant now, TransportSource source) {
        Directory dir = labels.forRequest(caller);
        Map<String, Map<String, Object[]>> byPlace = new TreeMap<>();
        for (Transfer t : AllPages.read((limit, cursor) -> ledger.transfers(caller, Transfer.Status.IN_TRANSIT, null,
                limit, cursor))) {
            Optional<String> to = t.toOrgUnitId() != null ? dir.unitProvince(t.toOrgUnitId())
                    : dir.depotProvince(t.toDepotId());
            Item item = dir.item(t.itemId());
            if (to.isEmpty() || item == null) {
                continue;
            }
            Object[] r = byPlace.computeIfAbsent(to.get(), k -> new TreeMap<>())
                    .computeIfAbsent(item.code(), k -> new Object[] {0L, 0, null});
            r[0] = (Long) r[0] + t.quantity();
            r[1] = (Integer) r[1] + 1;
            if (t.dispatchedAt() != null && (r[2] == null || t.dispatchedAt().isBefore((Instant) r[2]))) {
                r[2] = t.dispatchedAt();
            }
        }
        List<TransitReport.TransitGoodsRow> goods = new ArrayList<>();
        byPlace.forEach((province, items) -> {
            ReportPlace place = dir.place(province);
            if (Directory.visible(caller, place)) {
                items.forEach((code, r) -> goods.add(new TransitReport.TransitGoodsRow(place, code, (Long) r[0],
                        (Integer) r[1], (Instant) r[2])));
            }
        });
        if (source == null) {
            return new TransitReport(scope, now, goods, capability("transport", null), 0, List.of(), List.of(),
                    List.of());
        }
        TransportSource.Facts f = source.facts(caller);
        return new TransitReport(scope, now, goods, capability("transport", source), f.openShipments(), f.late(),
                f.atRisk(), f.carriers());
    }

    /** {@code source}: allocation, null when it is not installed. */
    BatchReport batches(Caller caller, String scope, Instant now, AllocationSource source) {
        if (source == null) {
            return new BatchReport(scope, now, capability("allocation", null), List.of(), List.of());
        }
        Directory dir = labels.forRequest(caller);
        List<BatchReport.BatchRow> batches = new ArrayList<>(source.batches(caller));
        batches.sort(Comparator.comparing(BatchReport.BatchRow::number));
        Map<String, Object[]> per = new TreeMap<>();
        for (BatchReport.BatchRow b : batches) {
            if (b.provinceCode() == null) {
                continue;
            }
            Object[] r = per.computeIfAbsent(b.provinceCode(), k -> new Object[] {0, null, 0L});
            r[0] = (Integer) r[0] + 1;
            if (b.destinationSequence() != null && (r[1] == null || b.destinationSequence() > (Integer) r[1])) {
                r[1] = b.destinationSequence();
            }
            r[2] = (Long) r[2] + b.quantity();
        }
        List<BatchReport.BatchProvinceRow> provinceRows = new ArrayList<>();
        per.forEach((p, r) -> {
            ReportPlace place = dir.place(p);
            if (Directory.visible(caller, place)) {
                provinceRows.add(new BatchReport.BatchProvinceRow(place, (Integer) r[0], (Integer) r[1], (Long) r[2]));
            }
        });
        return new BatchReport(scope, now, capability("allocation", source), provinceRows, batches);
    }

    CensusReport census(Caller caller, String scope, Instant now) {
        Optional<Census> latest = AllPages.read((limit, cursor) -> censuses.list(caller, limit, cursor)).stream()
                .max(Comparator.comparingLong(Census::id));
        if (latest.isEmpty()) {
            return new CensusReport(scope, now, null, null, null, 0, 0, 0, List.of(), List.of());
        }
        Census c = censuses.get(caller, latest.get().id());
        Directory dir = labels.forRequest(caller);
        List<CensusReport.CensusProvinceRow> rows = new ArrayList<>();
        int reported = 0;
        int late = 0;
        int pending = 0;
        for (Census.ProvinceReport p : c.provinces()) {
            ReportPlace place = dir.place(p.provinceCode());
            if (!Directory.visible(caller, place)) {
                continue;
            }
            switch (p.status()) {
                case "REPORTED", "REPORTED_LATE" -> reported++;
                case "LATE" -> late++;
                default -> pending++;
            }
            rows.add(new CensusReport.CensusProvinceRow(place, p.status(), p.submittedAt(),
                    p.submittedAt() == null ? null : Duration.between(p.submittedAt(), now).toSeconds()));
        }
        Map<String, long[]> totals = new TreeMap<>();
        for (Census.Total t : c.totals()) {
            if (caller.canSeeProvince(t.provinceCode())) {
                long[] r = totals.computeIfAbsent(t.categoryCode(), k -> new long[2]);
                r[0] += t.systemQuantity();
                r[1] += t.declaredQuantity();
            }
        }
        List<CensusReport.CensusTotalRow> totalRows = new ArrayList<>();
        totals.forEach((cat, r) -> totalRows.add(new CensusReport.CensusTotalRow(cat, r[0], r[1])));
        return new CensusReport(scope, now, c.id(), c.title(), c.deadline(), reported, late, pending, rows, totalRows);
    }

    /** {@code source}, {@code gifts}: allocation and donation, null when not installed. */
    DailyReport daily(Caller caller, String scope, Instant now, Instant asOf, AllocationSource source,
            DonationSource gifts) {
        Instant cutOff = asOf == null ? now : asOf;
        if (cutOff.isAfter(now)) {
            throw new ValidationException("asOf", "asOf must not be in the future");
        }
        Instant from = cutOff.minus(Duration.ofHours(24));
        Directory dir = labels.forRequest(caller);
        LedgerAsOf day = new LedgerAsOf(dir, from, cutOff);
        day.add(ledger.stockAsOf(caller, from, cutOff));
        List<Transfer> transfers = AllPages.read((limit, cursor) -> ledger.transfers(caller, null, null, limit,
                cursor));
        List<DailyReport.DailyStockRow> stock = day.stock().stream().filter(r -> Directory.visible(caller, r.place()))
                .toList();
        List<DailyReport.DailyTransitRow> transit = day.inTransit(transfers).stream()
                .filter(r -> Directory.visible(caller, r.to())).toList();
        List<DailyReport.DailyBatchRow> batches = new ArrayList<>();
        if (source != null) {
            for (BatchReport.BatchRow b : source.batches(caller)) {
                boolean approvedToday = b.approvedAt() != null && !b.approvedAt().isBefore(from)
                        && b.approvedAt().isBefore(cutOff);
                boolean dispatchedToday = b.dispatchedAt() != null && !b.dispatchedAt().isBefore(from)
                        && b.dispatchedAt().isBefore(cutOff);
                if (approvedToday || dispatchedToday) {
                    batches.add(new DailyReport.DailyBatchRow(b.number(), b.title(), b.provinceCode(),
                            b.destinationSequence(), b.approvedAt(), dispatchedToday ? b.dispatchedAt() : null,
                            b.quantity()));
                }
            }
            batches.sort(Comparator.comparing(DailyReport.DailyBatchRow::number));
        }
        return new DailyReport(scope, cutOff, from, stock, transit, capability("allocation", source), batches,
                capability("donation", gifts), DonationRows.of(gifts, dir, caller, from, cutOff));
    }
}
