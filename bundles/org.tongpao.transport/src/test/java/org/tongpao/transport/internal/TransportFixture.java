package org.tongpao.transport.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.framework.Constants;
import org.osgi.service.event.Event;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.internal.AllocationSchema;
import org.tongpao.allocation.internal.DefaultPriorityPolicy;
import org.tongpao.allocation.internal.JdbcAllocationService;
import org.tongpao.allocation.internal.JdbcNeedService;
import org.tongpao.allocation.internal.PolicySelector;
import org.tongpao.allocation.spi.PriorityPolicy;
import org.tongpao.core.Caller;
import org.tongpao.core.internal.JdbcCatalogueService;
import org.tongpao.core.internal.JdbcDepotService;
import org.tongpao.core.internal.JdbcOrgUnitService;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;
import org.tongpao.transport.TransportTopics;

/**
 * A fresh Derby with core (demo data), the real inventory and allocation on it, wired by hand as DS would, and
 * the transport service on a movable clock with carriers the test registers. Events are captured.
 */
final class TransportFixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    static final Caller ADMIN2 = Caller.of("admin2", Set.of("ministry-admin"), "req-admin2");
    static final Caller OFFICER = Caller.of("officer", Set.of("ministry-officer"), "req-officer");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    /** Core's services, wired as DS would by core's test kit. */
    final TestCore core;
    final JdbcDepotService depots;
    final JdbcCatalogueService catalogue;
    final JdbcOrgUnitService units;
    final InventoryComponent inventory;
    final JdbcNeedService needs;
    final JdbcAllocationService allocation;
    final CarrierRegistry registry = new CarrierRegistry();
    final JdbcTransportService transport;

    TransportFixture() {
        this(database -> database.dataSource());
    }

    /** With the transport service's database seen through {@code view} (e.g. one that races a writer). */
    TransportFixture(java.util.function.Function<TestDatabase, DataSource> view) {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        units = core.units;
        catalogue = core.catalogue;
        depots = core.depots;
        inventory = TestInventory.on(core);
        SchemaReady allocationDb = TestCore.migrate(ds, AllocationSchema.NAME, AllocationSchema.class,
                AllocationSchema.MIGRATIONS, AllocationSchema.HISTORY_TABLE);
        PolicySelector selector = new PolicySelector(Configs.of(PolicySelector.Config.class, Map.of("policy", "")));
        selector.addPolicy(new DefaultPriorityPolicy(DefaultPriorityPolicy.DEFAULT_ORDER),
                Map.of(PriorityPolicy.NAME_PROPERTY, "default", Constants.SERVICE_RANKING, 0, Constants.SERVICE_ID, 1L));
        needs = new JdbcNeedService(allocationDb, units, catalogue, depots, core.provinces, core.audit, core.keys,
                core.outbox);
        allocation = new JdbcAllocationService(allocationDb, units, catalogue, depots, core.provinces, inventory,
                core.audit, core.keys, selector, core.outbox);
        registry.configure(Configs.of(TransportConfig.class, Map.of("callTimeoutMillis", 5000, "threadsPerCarrier", 2,
                "queuePerCarrier", 16, "slaScanSeconds", 60)));
        Migrations.migrate(ds, TransportSchema.class, TransportSchema.MIGRATIONS, TransportSchema.HISTORY_TABLE);
        transport = new JdbcTransportService(SchemaReady.of(TransportSchema.NAME, view.apply(database)), registry,
                allocation, needs, depots, units, core.node, core.audit, core.keys, core.outbox);
        transport.clock(clock);
    }

    FakeCarrier install(FakeCarrier carrier) {
        registry.add(carrier.id, carrier, 42, carrier.id);
        return carrier;
    }

    long depot(String code) {
        return core.depotId(code);
    }

    /** {@code stock} of the need's item received at {@code depot}, the need raised, planned for Hubei and approved. */
    Batch approvedForHubei(long depot, long stock, Caller raisedBy, NewNeed need) {
        inventory.receive(ADMIN, new NewReceipt(depot, need.itemId(), stock, LotOrigin.PURCHASE_ORDER, "PO-1",
                LocalDate.now().plusYears(2), null), null);
        needs.create(raisedBy, need, null);
        long plan = allocation.propose(ADMIN, new PlanRequest(need.itemId(), null, "42", null, null), null).id();
        return allocation.approve(ADMIN2, plan, null);
    }

    /** A station in Wuhan, the Hubei depot that serves it and its batch: 500 KN95 approved out of 1,000 in stock. */
    record StationBatch(long depot, long station, long item, Batch batch) {
    }

    /** The "swift" carrier installed and an approved batch of 500 KN95 from HB-PROV-01 for Jiang'an station T01. */
    StationBatch approvedForStation() {
        install(FakeCarrier.pushing("swift"));
        long depot = depot("HB-PROV-01");
        long station = core.unitId("P42-WUHAN-JIANGAN-T01");
        long item = core.itemId("MASK-KN95");
        return new StationBatch(depot, station, item, approvedForHubei(depot, 1000, HUBEI, new NewNeed(station,
                item, null, 500L, Urgency.IMMEDIATE, null, null, "front line", null, null, true)));
    }

    /** The transport events posted so far, in order. */
    List<Event> events() {
        return core.outbox.events(TransportTopics.PREFIX);
    }

    /** What follows {@code org/tongpao/transport/} in each posted transport event's topic, in order. */
    List<String> topics() {
        return events().stream().map(e -> e.getTopic().substring(TransportTopics.PREFIX.length())).toList();
    }

    @Override
    public void close() {
        registry.deactivate();
        transport.deactivate();
        database.close();
    }
}
