package org.tongpao.allocation.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.framework.Constants;
import org.osgi.service.event.Event;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.spi.PriorityPolicy;
import org.tongpao.core.Caller;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.internal.InventoryDepotUsage;
import org.tongpao.inventory.testing.TestInventory;

/**
 * A fresh in-memory Derby with the core kernel (demo data) and the allocation services wired by hand
 * as DS would, over a {@link FakeInventory} or (with {@code new Fixture(true)}) the real inventory bundle
 * on the same database.
 */
final class Fixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    static final Caller ADMIN2 = Caller.of("admin2", Set.of("ministry-admin"), "req-admin2");
    static final Caller OFFICER = Caller.of("officer", Set.of("ministry-officer"), "req-officer");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    static final Caller HUBEI2 = Caller.of("hubei2", Set.of("province-officer", "province-42"), "req-hubei2");
    static final Caller JIANGSU = Caller.of("jiangsu", Set.of("province-officer", "province-32"), "req-js");
    static final Caller AUDITOR = Caller.of("auditor", Set.of("auditor"), "req-auditor");
    static final Caller WH_KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");


    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final TestCore core;
    final FakeInventory inventory = new FakeInventory();
    /** The real inventory component when built with {@code realInventory}, else null. */
    final InventoryComponent stock;
    /** Allocation's schema as the migration extender registers it. */
    final SchemaReady schema;
    final PolicySelector selector;
    final JdbcNeedService needs;
    final JdbcAllocationService allocation;

    Fixture() {
        this(false);
    }

    Fixture(boolean realInventory) {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        InventoryService inv = inventory;
        if (realInventory) {
            SchemaReady inventorySchema = TestInventory.migrate(ds);
            stock = TestInventory.on(core, inventorySchema, core.outbox);
            core.depots.addUsage(new InventoryDepotUsage(inventorySchema));
            inv = stock;
        } else {
            stock = null;
        }
        schema = TestCore.migrate(ds, AllocationSchema.NAME, AllocationSchema.class, AllocationSchema.MIGRATIONS,
                AllocationSchema.HISTORY_TABLE);
        core.depots.addUsage(new AllocationDepotUsage(schema));
        selector = new PolicySelector(config(""));
        selector.addPolicy(new DefaultPriorityPolicy(DefaultPriorityPolicy.DEFAULT_ORDER),
                Map.of(PriorityPolicy.NAME_PROPERTY, "default", Constants.SERVICE_RANKING, 0, Constants.SERVICE_ID, 1L));
        needs = new JdbcNeedService(schema, core.units, core.catalogue, core.depots, core.provinces, core.audit,
                core.keys, core.outbox);
        allocation = new JdbcAllocationService(schema, core.units, core.catalogue, core.depots, core.provinces, inv,
                core.audit, core.keys, selector, core.outbox);
    }

    static PolicySelector.Config config(String policy) {
        return Configs.of(PolicySelector.Config.class, Map.of("policy", policy));
    }

    long unit(String code) {
        return core.unitId(code);
    }

    long depot(String code) {
        return core.depotId(code);
    }

    long item(String code) {
        return core.itemId(code);
    }

    OrgUnit newUnit(String code, String parent, OrgLevel level, boolean frontLine) {
        return core.units.create(ADMIN, new NewOrgUnit(code, code + " unit", null, level, unit(parent), null, frontLine),
                null);
    }

    /** The allocation events posted so far (after their transactions committed), by their last topic segment. */
    List<String> topics() {
        return core.outbox.events(AllocationTopics.PREFIX).stream().map(Event::getTopic)
                .map(t -> t.substring(t.lastIndexOf('/') + 1)).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
