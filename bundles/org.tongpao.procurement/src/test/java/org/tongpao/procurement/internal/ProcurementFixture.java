package org.tongpao.procurement.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.tongpao.core.Caller;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.internal.FundingSchema;
import org.tongpao.funding.internal.JdbcFundingService;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.Qualification;
import org.tongpao.procurement.SupplierContact;

/**
 * A fresh Derby with core (demo data), the real inventory and funding on it, wired by hand as DS would, and the
 * procurement service on a movable clock. Events are captured.
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
    private int lines;
    final DataSource ds;
    final MovableClock clock = new MovableClock(Instant.parse("2026-02-03T02:00:00Z").truncatedTo(ChronoUnit.SECONDS));
    final TestCore core;
    final InventoryComponent inventory;
    final JdbcFundingService realFunding;
    /** The funding service as procurement sees it: the real one, whose next spend a test can make fail. */
    final FundingService funding;
    volatile RuntimeException failNextSpend;
    final JdbcProcurementService procurement;

    ProcurementFixture() {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        inventory = TestInventory.on(core);
        realFunding = new JdbcFundingService(TestCore.migrate(ds, FundingSchema.NAME, FundingSchema.class,
                FundingSchema.MIGRATIONS, FundingSchema.HISTORY), core.audit, core.keys, core.provinces, core.outbox);
        funding = failingOnDemand(realFunding);
        procurement = new JdbcProcurementService(TestCore.migrate(ds, ProcurementSchema.NAME, ProcurementSchema.class,
                ProcurementSchema.MIGRATIONS, ProcurementSchema.HISTORY), core.catalogue, core.depots, inventory,
                funding, core.audit, core.keys, core.outbox, null);
        procurement.clock(clock);
    }

    /** The service, but a spend throws {@link #failNextSpend} once when it is set (a refusal inside a receipt). */
    private FundingService failingOnDemand(FundingService real) {
        return (FundingService) Proxy.newProxyInstance(FundingService.class.getClassLoader(),
                new Class<?>[] {FundingService.class}, (proxy, method, args) -> {
                    RuntimeException failure = failNextSpend;
                    if (failure != null && method.getName().equals("spend")) {
                        failNextSpend = null;
                        throw failure;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Opens a budget line of {@code holder} (MINISTRY or a province code) of {@code amount} CNY. */
    long budgetLine(String holder, String amount) {
        return realFunding.createLine(ADMIN, new NewBudgetLine("L-" + (++lines), "line", holder.equals("MINISTRY")
                ? FundingSource.SPECIAL_EPIDEMIC_FUND : FundingSource.PROVINCIAL_BUDGET, holder, null,
                new BigDecimal(amount), null), null).id();
    }

    BudgetLine line(long id) {
        return realFunding.line(ADMIN, id);
    }

    long item(String code) {
        return core.itemId(code);
    }

    long depot(String code) {
        return core.depotId(code);
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
