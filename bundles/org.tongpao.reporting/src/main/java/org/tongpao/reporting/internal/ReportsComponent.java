package org.tongpao.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
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
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.inventory.ReserveCensus;
import org.tongpao.inventory.StockLedger;
import org.tongpao.reporting.BatchReport;
import org.tongpao.reporting.Capability;
import org.tongpao.reporting.CensusReport;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.DonationReport;
import org.tongpao.reporting.ExpiringReport;
import org.tongpao.reporting.FundingReport;
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
 * The reports, computed on each request from the services (no tables of its own). This component holds the wiring:
 * configuration, the caller's scope, "now", and the optional capabilities, which come through reporting's own
 * adapters ({@code internal.sources}) bound dynamically (a report says {@code installed: false} while one is
 * absent); {@link StockReports} and {@link ActivityReports} compute, {@link Labels} names the rows.
 */
// the topics as a plain property: the @EventTopics property type would require an osgi.implementation capability
// that Karaf's EventAdmin does not declare
@Component(service = {Reports.class, EventHandler.class}, configurationPid = ReportsComponent.PID,
        property = EventConstants.EVENT_TOPIC + "=" + CoreTopics.ALL)
@Designate(ocd = ReportsComponent.Config.class)
public class ReportsComponent implements Reports, EventHandler {
    public static final String PID = "org.tongpao.reporting";
    static final int MAX_WINDOW_DAYS = 90;
    static final int DEFAULT_EXPIRING_DAYS = 30;
    static final int MAX_EXPIRING_DAYS = 3650;

    @ObjectClassDefinition(name = "Tongpao reporting")
    public @interface Config {
        @AttributeDefinition(description = "Days of issues the cover report's rate is taken over (1..90)")
        int coverWindowDays() default 7;

        @AttributeDefinition(description = "Longest time in seconds the reports keep depots and items between "
                + "requests (core's change events drop them sooner; 0: read them on every request)")
        int directoryTtlSeconds() default 60;

        @AttributeDefinition(description = "Concurrent requests of the same caller for the stock or cover report "
                + "share one computation that started after they all arrived (false: each computes its own)")
        boolean shareConcurrentReads() default true;

        @AttributeDefinition(description = "The cover report reads the inventory's stock, the window's movements and "
                + "the transfers in transit in one transaction (false: three reads, as before inventory 1.11)")
        boolean coverInOneRead() default true;

        @AttributeDefinition(description = "The stock and cover reports are kept per caller and given again while no "
                + "write has committed since they were read (false: read on every request)")
        boolean keepReports() default true;

        @AttributeDefinition(description = "Longest time in milliseconds a kept stock or cover report is given again "
                + "when nothing was written (its time and the cover's window are those of its reading)")
        int keptReportMillis() default 1000;
    }

    /** The most stock and cover reports kept at once (callers × reports × windows), the least recently asked dropped. */
    static final int KEPT_REPORTS = 32;

    /** What makes two requests' stock or cover reports the same: the report, its window, the caller but its request. */
    private record ReadKey(String report, Integer window, String user, Set<String> roles, String province,
            String depot) {
        static ReadKey of(String report, Integer window, Caller caller) {
            return new ReadKey(report, window, caller.user(), caller.roles(), caller.provinceCode(),
                    caller.depotCode());
        }
    }

    private final Labels labels;
    private final StockReports stockReports;
    private final ActivityReports activityReports;
    private final ExpiringStock expiringStock;
    private volatile int coverWindowDays;
    private volatile boolean shareConcurrentReads;
    private volatile boolean coverInOneRead;
    private final SharedReads<ReadKey, Tabular> shared = new SharedReads<>();
    private final KeptReports<ReadKey, Tabular> kept = new KeptReports<>(KEPT_REPORTS);
    private volatile boolean keepReports;
    private volatile Duration keptReportAge;
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
        this.labels = new Labels(depots, catalogue, provinces, units, config.directoryTtlSeconds());
        this.stockReports = new StockReports(ledger, labels);
        this.activityReports = new ActivityReports(ledger, census, labels);
        this.expiringStock = new ExpiringStock(ledger, labels);
        modified(config);
    }

    @Modified
    void modified(Config config) {
        int days = config.coverWindowDays();
        this.coverWindowDays = days < 1 || days > MAX_WINDOW_DAYS ? 7 : days;
        this.shareConcurrentReads = config.shareConcurrentReads();
        this.coverInOneRead = config.coverInOneRead();
        this.keepReports = config.keepReports();
        this.keptReportAge = Duration.ofMillis(Math.max(0, config.keptReportMillis()));
        kept.clear();
    }

    /**
     * {@code compute}'s answer, kept and given again while no write has committed since ({@link KeptReports}), and
     * otherwise {@link #shared}. The stamp is read before anything else: the settled writes (none kept while a write
     * runs), and the optional sources a report shows as installed or not.
     */
    @SuppressWarnings("unchecked")
    private <T extends Tabular> T kept(ReadKey key, Supplier<T> compute) {
        OptionalLong writes = keepReports ? Transactions.settledWrites() : OptionalLong.empty();
        if (writes.isEmpty()) {
            return shared(key, compute);
        }
        List<Object> stamp = Arrays.asList(writes.getAsLong(), procurement, federation);
        return (T) kept.get(key, stamp, now(), keptReportAge, () -> shared(key, compute));
    }

    /** {@code compute}, shared with concurrent requests of the same key when so configured ({@link SharedReads}). */
    @SuppressWarnings("unchecked")
    private <T extends Tabular> T shared(ReadKey key, Supplier<T> compute) {
        return shareConcurrentReads ? (T) shared.get(key, compute::get) : compute.get();
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

    /** Core committed a change of an org unit, item or depot: the labels are read again on the next request. */
    @Override
    public void handleEvent(Event event) {
        labels.invalidate();
        kept.clear();
    }

    /** For tests: the kept reports. */
    KeptReports<?, Tabular> keptReports() {
        return kept;
    }

    /** For tests: the master-data cache. */
    DirectoryCache directoryCache() {
        return labels.cache();
    }

    static Capability capability(String name, Object source) {
        return new Capability(name, source != null);
    }

    @Override
    public StockReport stock(Caller caller) {
        String scope = scope(caller);
        // "now" is taken inside: a shared report's time is when its computation started, after its requests arrived
        return kept(ReadKey.of("stock", null, caller),
                () -> stockReports.stock(caller, scope, now(), capability("federation", federation)));
    }

    @Override
    public CoverReport cover(Caller caller, Integer windowDays) {
        String scope = scope(caller);
        int window = windowDays == null ? coverWindowDays : windowDays;
        if (window < 1 || window > MAX_WINDOW_DAYS) {
            throw new ValidationException("window", "window must be between 1 and " + MAX_WINDOW_DAYS + " days");
        }
        return kept(ReadKey.of("cover", window, caller),
                () -> stockReports.cover(caller, scope, now(), window, procurement, coverInOneRead));
    }

    @Override
    public ExpiringReport expiring(Caller caller, Integer days) {
        String scope = scope(caller);
        int within = days == null ? DEFAULT_EXPIRING_DAYS : days;
        if (within < 1 || within > MAX_EXPIRING_DAYS) {
            throw new ValidationException("days", "days must be between 1 and " + MAX_EXPIRING_DAYS);
        }
        return expiringStock.report(caller, scope, now(), within);
    }

    @Override
    public ShortageReport shortages(Caller caller) {
        return activityReports.shortages(caller, scope(caller), now(), allocation);
    }

    @Override
    public TransitReport transit(Caller caller) {
        return activityReports.transit(caller, scope(caller), now(), transport);
    }

    @Override
    public BatchReport batches(Caller caller) {
        return activityReports.batches(caller, scope(caller), now(), allocation);
    }

    @Override
    public CensusReport census(Caller caller) {
        return activityReports.census(caller, scope(caller), now());
    }

    @Override
    public DailyReport daily(Caller caller, Instant asOf) {
        return activityReports.daily(caller, scope(caller), now(), asOf, allocation, donation);
    }

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
    public DonationReport donations(Caller caller) {
        String scope = scope(caller);
        DonationSource source = donation;
        return new DonationReport(scope, now(), capability("donation", source),
                DonationRows.of(source, labels.forRequest(caller), caller, null, null));
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
            case EXPIRING -> expiring(caller, windowDays);
        };
    }
}
