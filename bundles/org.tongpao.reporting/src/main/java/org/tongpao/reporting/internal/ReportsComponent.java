package org.tongpao.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.ReserveCensus;
import org.tongpao.inventory.StockLedger;
import org.tongpao.inventory.StockSnapshot;
import org.tongpao.inventory.Transfer;
import org.tongpao.reporting.BatchReport;
import org.tongpao.reporting.Capability;
import org.tongpao.reporting.CensusReport;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.FundingReport;
import org.tongpao.reporting.ReportPlace;
import org.tongpao.reporting.Reports;
import org.tongpao.reporting.ShortageReport;
import org.tongpao.reporting.StockReport;
import org.tongpao.reporting.Tabular;
import org.tongpao.reporting.TransitReport;
import org.tongpao.reporting.internal.sources.AllocationSource;
import org.tongpao.reporting.internal.sources.BudgetSource;
import org.tongpao.reporting.internal.sources.DonationSource;
import org.tongpao.reporting.internal.sources.FederationSource;
import org.tongpao.reporting.internal.sources.ProcurementSource;
import org.tongpao.reporting.internal.sources.TransportSource;

/**
 * The reports, computed on each request from the services (no tables of its own). Optional capabilities come
 * through reporting's own adapters ({@code internal.sources}), bound dynamically: a report says
 * {@code installed: false} while one is absent.
 */
// the topics as a plain property: the @EventTopics property type would require an osgi.implementation capability
// that Karaf's EventAdmin does not declare
@Component(service = {Reports.class, EventHandler.class}, configurationPid = ReportsComponent.PID,
        property = EventConstants.EVENT_TOPIC + "=" + CoreTopics.ALL)
@Designate(ocd = ReportsComponent.Config.class)
public class ReportsComponent implements Reports, EventHandler {
    public static final String PID = "org.tongpao.reporting";
    static final int MAX_WINDOW_DAYS = 90;

    @ObjectClassDefinition(name = "Tongpao reporting")
    public @interface Config {
        @AttributeDefinition(description = "Days of issues the cover report's rate is taken over (1..90)")
        int coverWindowDays() default 7;

        @AttributeDefinition(description = "Longest time in seconds the reports keep depots and items between "
                + "requests (core's change events drop them sooner; 0: read them on every request)")
        int directoryTtlSeconds() default 60;
    }

    private final StockLedger ledger;
    private final ReserveCensus census;
    private final ProvinceRegistry provinces;
    private final OrgUnitService units;
    private final DirectoryCache directory;
    private volatile int coverWindowDays;
    private volatile Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AllocationSource allocation;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile TransportSource transport;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ProcurementSource procurement;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile BudgetSource funding;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile FederationSource federation;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DonationSource donation;

    @Activate
    public ReportsComponent(Config config, @Reference StockLedger ledger, @Reference ReserveCensus census,
            @Reference DepotService depots, @Reference CatalogueService catalogue,
            @Reference ProvinceRegistry provinces, @Reference OrgUnitService units) {
        this.ledger = ledger;
        this.census = census;
        this.provinces = provinces;
        this.units = units;
        this.directory = new DirectoryCache(depots, catalogue,
                Math.max(0, config.directoryTtlSeconds()) * 1000L, System::nanoTime);
        modified(config);
    }

    @Modified
    void modified(Config config) {
        int days = config.coverWindowDays();
        this.coverWindowDays = days < 1 || days > MAX_WINDOW_DAYS ? 7 : days;
    }

    /** For tests: the clock that decides "now" (the default cut-off and the cover window's end). */
    void clock(Clock clock) {
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Ministry roles and auditors: "national"; a province officer: its province code; anyone else: 403. */
    static String scope(Caller caller) {
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> "national";
            case PROVINCE -> caller.provinceCode();
            default -> throw new AccessDeniedException("reports are for ministry roles, auditors and province "
                    + "officers");
        };
    }

    private Directory directory(Caller caller) {
        return new Directory(directory, provinces, units, caller.requestId());
    }

    /** Core committed a change of an org unit, item or depot: the labels are read again on the next request. */
    @Override
    public void handleEvent(Event event) {
        directory.invalidate();
    }

    /** For tests: the master-data cache. */
    DirectoryCache directoryCache() {
        return directory;
    }

    private static Capability capability(String name, Object source) {
        return new Capability(name, source != null);
    }

    // ------------------------------------------------------------------ stock

    @Override
    public StockReport stock(Caller caller) {
        String scope = scope(caller);
        Instant now = now();
        Directory dir = directory(caller);
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
        for (long[] r : ItemTotals.rollUp(stock.byItem()).values()) {
            ReportPlace place = dir.place(ItemTotals.province(r));
            Item item = dir.item(r[ItemTotals.ITEM]);
            if (item != null && Directory.visible(caller, place)) {
                byItem.add(new StockReport.StockItemRow(place, item.code(), item.name(), item.nameZh(),
                        item.categoryCode(), r[ItemTotals.ON_HAND], r[ItemTotals.RESERVED], r[ItemTotals.AVAILABLE]));
            }
        }
        byItem.sort(Comparator.comparing((StockReport.StockItemRow r) -> !r.place().centralReserve())
                .thenComparing(r -> r.place().code()).thenComparing(StockReport.StockItemRow::itemCode));
        return new StockReport(scope, now, byCategory, byItem, capability("federation", federation));
    }

    // ------------------------------------------------------------------ cover

    @Override
    public CoverReport cover(Caller caller, Integer windowDays) {
        String scope = scope(caller);
        int window = windowDays == null ? coverWindowDays : windowDays;
        if (window < 1 || window > MAX_WINDOW_DAYS) {
            throw new ValidationException("window", "window must be between 1 and " + MAX_WINDOW_DAYS + " days");
        }
        Instant now = now();
        Directory dir = directory(caller);
        Map<String, long[]> totals = ItemTotals.rollUp(ledger, caller);
        Map<String, Long> issued = new HashMap<>();
        for (MovementTotal m : ledger.movementTotals(caller, now.minus(Duration.ofDays(window)), now)) {
            if (m.type() == MovementType.ISSUE) {
                issued.merge((m.provinceCode() == null ? "" : m.provinceCode()) + "|" + m.itemId(), -m.during(),
                        Long::sum);
            }
        }
        Map<String, Long> inTransit = new HashMap<>();
        for (Transfer t : AllPages.read((limit, cursor) -> ledger.transfers(caller, Transfer.Status.IN_TRANSIT, null,
                limit, cursor))) {
            Optional<String> to = t.toOrgUnitId() != null ? dir.unitProvince(t.toOrgUnitId())
                    : dir.depotProvince(t.toDepotId());
            to.ifPresent(p -> inTransit.merge(p + "|" + t.itemId(), t.quantity(), Long::sum));
        }
        ProcurementSource orders = procurement;
        Map<String, Long> onOrder = new HashMap<>();
        if (orders != null) {
            for (ProcurementSource.OnOrder o : orders.onOrder(caller)) {
                dir.depotProvince(o.depotId()).ifPresent(p -> onOrder.merge(p + "|" + o.itemId(), o.outstanding(),
                        Long::sum));
            }
        }
        java.util.Set<String> keys = new java.util.TreeSet<>(totals.keySet());
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

    // ------------------------------------------------------------------ shortages

    @Override
    public ShortageReport shortages(Caller caller) {
        String scope = scope(caller);
        Instant now = now();
        AllocationSource source = allocation;
        if (source == null) {
            return new ShortageReport(scope, now, capability("allocation", null), List.of());
        }
        Directory dir = directory(caller);
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

    // ------------------------------------------------------------------ transit

    @Override
    public TransitReport transit(Caller caller) {
        String scope = scope(caller);
        Instant now = now();
        Directory dir = directory(caller);
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
        TransportSource source = transport;
        if (source == null) {
            return new TransitReport(scope, now, goods, capability("transport", null), 0, List.of(), List.of(),
                    List.of());
        }
        TransportSource.Facts f = source.facts(caller);
        return new TransitReport(scope, now, goods, capability("transport", source), f.openShipments(), f.late(),
                f.atRisk(), f.carriers());
    }

    // ------------------------------------------------------------------ batches

    @Override
    public BatchReport batches(Caller caller) {
        String scope = scope(caller);
        Instant now = now();
        AllocationSource source = allocation;
        if (source == null) {
            return new BatchReport(scope, now, capability("allocation", null), List.of(), List.of());
        }
        Directory dir = directory(caller);
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

    // ------------------------------------------------------------------ funding

    @Override
    public FundingReport funding(Caller caller) {
        String scope = scope(caller);
        Instant now = now();
        ProcurementSource orders = procurement;
        BudgetSource budgets = funding;
        FederationSource links = federation;
        return new FundingReport(scope, now, capability("procurement", orders),
                orders == null ? List.of() : orders.totals(caller).stream()
                        .filter(o -> caller.canSeeProvince(o.provinceCode())).toList(),
                capability("funding", budgets), budgets == null ? List.of() : budgets.budgets(caller),
                capability("federation", links),
                links == null || !"national".equals(scope) ? List.of() : links.nodes(now));
    }

    @Override
    public org.tongpao.reporting.DonationReport donations(Caller caller) {
        String scope = scope(caller);
        DonationSource source = donation;
        return new org.tongpao.reporting.DonationReport(scope, now(), capability("donation", source),
                DonationRows.of(source, directory(caller), caller, null, null));
    }

    // ------------------------------------------------------------------ census

    @Override
    public CensusReport census(Caller caller) {
        String scope = scope(caller);
        Instant now = now();
        Optional<Census> latest = AllPages.read((limit, cursor) -> census.list(caller, limit, cursor)).stream()
                .max(Comparator.comparingLong(Census::id));
        if (latest.isEmpty()) {
            return new CensusReport(scope, now, null, null, null, 0, 0, 0, List.of(), List.of());
        }
        Census c = census.get(caller, latest.get().id());
        Directory dir = directory(caller);
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

    // ------------------------------------------------------------------ daily

    @Override
    public DailyReport daily(Caller caller, Instant asOf) {
        String scope = scope(caller);
        Instant now = now();
        Instant cutOff = asOf == null ? now : asOf;
        if (cutOff.isAfter(now)) {
            throw new ValidationException("asOf", "asOf must not be in the future");
        }
        Instant from = cutOff.minus(Duration.ofHours(24));
        Directory dir = directory(caller);
        LedgerAsOf day = new LedgerAsOf(dir, from, cutOff);
        for (MovementTotal m : ledger.movementTotals(caller, from, cutOff)) {
            day.add(m);
        }
        List<Transfer> transfers = AllPages.read((limit, cursor) -> ledger.transfers(caller, null, null, limit,
                cursor));
        List<DailyReport.DailyStockRow> stock = day.stock().stream().filter(r -> Directory.visible(caller, r.place()))
                .toList();
        List<DailyReport.DailyTransitRow> transit = day.inTransit(transfers).stream()
                .filter(r -> Directory.visible(caller, r.to())).toList();
        AllocationSource source = allocation;
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
        DonationSource gifts = donation;
        return new DailyReport(scope, cutOff, from, stock, transit, capability("allocation", source), batches,
                capability("donation", gifts), DonationRows.of(gifts, dir, caller, from, cutOff));
    }

    @Override
    public Tabular report(Caller caller, Name name, Integer windowDays, Instant asOf) {
        return switch (name) {
            case STOCK -> stock(caller);
            case COVER -> cover(caller, windowDays);
            case SHORTAGES -> shortages(caller);
            case TRANSIT -> transit(caller);
            case BATCHES -> batches(caller);
            case FUNDING -> funding(caller);
            case CENSUS -> census(caller);
            case DAILY -> daily(caller, asOf);
            case DONATIONS -> donations(caller);
        };
    }
}
