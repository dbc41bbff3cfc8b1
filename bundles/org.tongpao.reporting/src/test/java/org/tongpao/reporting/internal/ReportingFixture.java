package org.tongpao.reporting.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.framework.Constants;
import org.tongpao.allocation.internal.AllocationDepotUsage;
import org.tongpao.allocation.internal.AllocationSchema;
import org.tongpao.allocation.internal.DefaultPriorityPolicy;
import org.tongpao.allocation.internal.JdbcAllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.internal.JdbcNeedService;
import org.tongpao.allocation.internal.PolicySelector;
import org.tongpao.allocation.spi.PriorityPolicy;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.internal.InventoryDepotUsage;
import org.tongpao.inventory.testing.TestInventory;
import org.tongpao.reporting.internal.sources.AllocationAdapter;

/**
 * A fresh Derby with core (demo data), the real inventory on a movable clock and the real allocation, wired by hand
 * as DS would, and the reports on the same clock. Allocation is bound to the reports only when a test asks.
 */
final class ReportingFixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    static final Caller ADMIN2 = Caller.of("admin2", Set.of("ministry-admin"), "req-admin2");
    static final Caller AUDITOR = Caller.of("auditor", Set.of("auditor"), "req-auditor");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final MovableClock clock = new MovableClock(Instant.parse("2026-02-03T02:00:00Z"));
    final TestCore core;
    final InventoryComponent inventory;
    final JdbcNeedService needs;
    final JdbcAllocationService allocation;
    final ReportsComponent reports;
    private int documents;

    ReportingFixture() {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        SchemaReady inventorySchema = TestInventory.migrate(ds);
        inventory = TestInventory.on(core, inventorySchema, core.outbox, clock);
        core.depots.addUsage(new InventoryDepotUsage(inventorySchema));
        Migrations.migrate(ds, AllocationSchema.class, AllocationSchema.MIGRATIONS, AllocationSchema.HISTORY_TABLE);
        SchemaReady allocationSchema = SchemaReady.of(AllocationSchema.NAME, ds);
        core.depots.addUsage(new AllocationDepotUsage(allocationSchema));
        PolicySelector selector = new PolicySelector(Configs.of(PolicySelector.Config.class, Map.of("policy", "")));
        selector.addPolicy(new DefaultPriorityPolicy(DefaultPriorityPolicy.DEFAULT_ORDER),
                Map.of(PriorityPolicy.NAME_PROPERTY, "default", Constants.SERVICE_RANKING, 0,
                        Constants.SERVICE_ID, 1L));
        needs = new JdbcNeedService(allocationSchema, core.units, core.catalogue, core.depots, core.provinces,
                core.audit, core.keys, core.outbox);
        allocation = new JdbcAllocationService(allocationSchema, core.units, core.catalogue, core.depots,
                core.provinces, inventory, core.audit, core.keys, selector, core.outbox);
        reports = component(true, true, true);
    }

    /**
     * The reports over the same services and clock, each request computing its own (no {@link SharedReads}, no
     * {@link KeptReports}).
     */
    ReportsComponent unshared() {
        return component(false, true, false);
    }

    /** The reports over the same services and clock, the cover reading the inventory in three reads (before 1.11). */
    ReportsComponent coverInThreeReads() {
        return component(false, false, false);
    }

    private ReportsComponent component(boolean shareConcurrentReads, boolean coverInOneRead, boolean keepReports) {
        ReportsComponent r = new ReportsComponent(Configs.of(ReportsComponent.Config.class, Map.of("coverWindowDays", 7,
                "directoryTtlSeconds", 60, "shareConcurrentReads", shareConcurrentReads, "coverInOneRead",
                coverInOneRead, "keepReports", keepReports, "keptReportMillis", 1000)), inventory, inventory,
                core.depots, core.catalogue, core.provinces, core.units);
        r.clock(clock);
        return r;
    }

    /** Binds allocation to the reports, as DS does when the allocation feature is installed. */
    void withAllocation() {
        reports.allocation = new AllocationAdapter(allocation, needs);
    }

    void advance(Duration d) {
        clock.now = clock.now.plus(d);
    }

    long item(String code) {
        return core.itemId(code);
    }

    long depot(String code) {
        return core.depotId(code);
    }

    long unit(String code) {
        return core.unitId(code);
    }

    void receive(String depot, String item, long quantity) {
        inventory.receive(ADMIN, new NewReceipt(depot(depot), item(item), quantity, LotOrigin.PURCHASE_ORDER,
                "PO-" + (++documents), LocalDate.of(2030, 1, 1), null), null);
    }

    /** An approved batch of KN95 masks to a unit's need, planned from the province's stock (allocation bound). */
    Batch batchTo(String unit, String depot, String province, long quantity) {
        needs.create(ADMIN, new NewNeed(unit(unit), item("MASK-KN95"), null, quantity, Urgency.IMMEDIATE, null,
                null, "epidemic", null, depot(depot)), null);
        var plan = allocation.propose(ADMIN, new PlanRequest(item("MASK-KN95"), null, province, null, null), null);
        return allocation.approve(ADMIN2, plan.id(), null);
    }

    /** A receipt of stock expiring on {@code expiry} (null: none). */
    void receive(String depot, String item, long quantity, LocalDate expiry) {
        inventory.receive(ADMIN, new NewReceipt(depot(depot), item(item), quantity, LotOrigin.PURCHASE_ORDER,
                "PO-" + (++documents), expiry, null), null);
    }

    void issue(String depot, String item, long quantity, String unit) {
        inventory.issue(ADMIN, new NewIssue(depot(depot), item(item), quantity, unit(unit), null,
                "ISS-" + (++documents), null), null);
    }

    Transfer send(String from, String to, String item, long quantity) {
        return inventory.transferOut(ADMIN, new NewTransfer(depot(from), depot(to), item(item), quantity, null,
                "TR-" + (++documents), null), null);
    }

    void arrive(Transfer t) {
        inventory.receiveTransfer(ADMIN, t.id(), t.quantity(), 0, null, null);
    }

    @Override
    public void close() {
        database.close();
    }
}
