package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.funding.FundingService;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.internal.InventorySchema;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.Qualification;
import org.tongpao.procurement.SupplierContact;

/**
 * A fresh Derby with core (demo data) and the real inventory on it, wired by hand as DS would, funding (see
 * {@link LedgerFunding}) and the procurement service on a movable clock. Events are captured.
 */
final class ProcurementFixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    static final Caller BUYER = Caller.of("buyer", Set.of("procurement-officer"), "req-buyer");
    static final Caller BUYER2 = Caller.of("buyer2", Set.of("procurement-officer"), "req-buyer2");
    static final Caller HUBEI_BUYER = Caller.of("hubei-buyer", Set.of("procurement-officer", "province-42"), "req-hb");
    static final Caller JIANGSU_BUYER = Caller.of("js-buyer", Set.of("procurement-officer", "province-32"), "req-js");
    static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    static final Caller AUDITOR = Caller.of("auditor", Set.of("auditor"), "req-auditor");

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final MovableClock clock = new MovableClock(Instant.parse("2026-02-03T02:00:00Z").truncatedTo(ChronoUnit.SECONDS));
    final TestCore core;
    final InventoryComponent inventory;
    final LedgerFunding funding = new LedgerFunding();
    final JdbcProcurementService procurement;

    ProcurementFixture() {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        inventory = new InventoryComponent(Configs.of(InventoryComponent.Config.class, Map.of("shortDatedDays", 90,
                "shortDatedScanHours", 0)), migrated(InventorySchema.NAME, InventorySchema.class,
                InventorySchema.MIGRATIONS, InventorySchema.HISTORY_TABLE), core.audit, core.keys, core.outbox,
                core.provinces);
        procurement = new JdbcProcurementService(migrated(ProcurementSchema.NAME, ProcurementSchema.class,
                ProcurementSchema.MIGRATIONS, ProcurementSchema.HISTORY), core.catalogue, core.depots, inventory,
                funding(), core.audit, core.keys, core.outbox, null);
        procurement.clock(clock);
    }

    FundingService funding() {
        return funding;
    }

    private SchemaReady migrated(String name, Class<?> owner, String migrations, String history) {
        Migrations.migrate(ds, owner, migrations, history);
        return SchemaReady.of(name, ds);
    }

    long item(String code) {
        return core.catalogue.getByCode(ADMIN, code).id();
    }

    long depot(String code) {
        return core.depots.getByCode(ADMIN, code).id();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ProcurementContext.ZONE);
    }

    /** A national mask maker qualified for medical protective masks (GB 19083-2010), 50,000 a week. */
    long maskMaker(Caller caller, String code, String province) {
        return procurement.createSupplier(caller, new NewSupplier(code, "Mask maker " + code, "CN", province,
                new SupplierContact("Li Na", "+86 27 0000 0000", "li.na@example.cn"),
                List.of(new Qualification(item("MASK-MEDPROT"), null, "GB 19083-2010", 50_000L, 3, "CERT-1", null))),
                null).id();
    }

    /** An order of {@code quantity} medical protective masks at 2.50 CNY to {@code depotCode}. */
    NewOrder maskOrder(long supplierId, String depotCode, long lineId, long quantity, boolean emergency) {
        return new NewOrder(supplierId, depot(depotCode), lineId, "CNY", null, emergency, null, null, null,
                List.of(new NewOrderLine(item("MASK-MEDPROT"), quantity, new BigDecimal("2.50"), null,
                        today().plusDays(5))));
    }

    /** What follows {@code org/tongpao/procurement/} in each posted procurement event's topic, in order. */
    List<String> topics() {
        return core.outbox.events(ProcurementTopics.PREFIX).stream()
                .map(Event::getTopic).map(t -> t.substring(ProcurementTopics.PREFIX.length())).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
