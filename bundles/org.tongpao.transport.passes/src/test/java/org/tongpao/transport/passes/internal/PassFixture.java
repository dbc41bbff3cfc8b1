package org.tongpao.transport.passes.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.NeedService;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.documents.Documents;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.TransportService;

/**
 * The pass service on Derby with core (demo org tree), a movable clock, and two services of other bundles as
 * stand-ins: transport, which shows shipments 1 to 9,999 ({@code SH-C-00000n}) to everyone but Jiangsu's officer,
 * and allocation's need service, which knows one key area (Wuhan). The PDF is rendered with the documents kit's
 * bundled font. One fixture serves a whole test class: each test takes a shipment of its own.
 */
final class PassFixture implements AutoCloseable {
    static final Caller OFFICER = Caller.of("officer", Set.of("ministry-officer"), "req-officer");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    static final Caller JIANGSU = Caller.of("jiangsu", Set.of("province-officer", "province-32"), "req-jiangsu");
    static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
    /** No shipment has this id. */
    static final long UNKNOWN_SHIPMENT = 10_000;
    static final long KEY_AREA = 3;
    static final String API = "http://tongpao.test/api/v1/";

    private final TestDatabase database = new TestDatabase();
    final DataSource ds = database.dataSource();
    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TestCore core = new TestCore(ds, TestCore.node("central", true));
    final PassService passes;
    private final java.util.concurrent.atomic.AtomicLong shipments = new java.util.concurrent.atomic.AtomicLong();

    PassFixture() {
        this(Map.of("verificationBaseUrl", "", "maxValidityDays", 30));
    }

    PassFixture(Map<String, ?> config) {
        Migrations.migrate(ds, PassesSchema.class, PassesSchema.MIGRATIONS, PassesSchema.HISTORY_TABLE);
        passes = new PassService(Configs.of(PassesConfig.class, config), SchemaReady.of(PassesSchema.NAME, ds),
                transport(), needs(), core.units, core.audit, core.keys, core.outbox, Documents.standalone());
        passes.clock(clock);
    }

    /** A shipment no other test uses. */
    long shipment() {
        return shipments.incrementAndGet();
    }

    long unit(String code) {
        return core.units.getByCode(OFFICER, code).id();
    }

    NewPass wuhan(String plate) {
        return new NewPass(null, unit("P42-WUHAN"), null, clock.now.minusSeconds(3600),
                clock.now.plus(2, ChronoUnit.DAYS), plate, "武汉市新冠肺炎疫情防控指挥部");
    }

    /** The entry gate over this fixture's passes, org tree and stand-in transport. */
    PassEntryGate gate() {
        return new PassEntryGate(SchemaReady.of(PassesSchema.NAME, ds), transport(), core.units);
    }

    private static TransportService transport() {
        return (TransportService) Proxy.newProxyInstance(PassFixture.class.getClassLoader(),
                new Class<?>[] {TransportService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("shipments")) {
                        // the entry gate's look-up of a batch's leg: batch b is carried by shipment b, depot 1 to 2
                        long batch = ((org.tongpao.transport.ShipmentFilter) args[1]).batchId();
                        return new org.tongpao.core.Page<>(List.of(Shipment.builder().id(batch).batchId(batch)
                                .number(String.format("SH-C-%06d", batch)).fromDepotId(1).toDepotId(2).waybill("W" + batch)
                                .status(org.tongpao.transport.ShipmentStatus.BOOKED).build()), null);
                    }
                    if (!method.getName().equals("shipment")) {
                        throw new UnsupportedOperationException(method.getName() + " is not used by passes");
                    }
                    Caller caller = (Caller) args[0];
                    long id = (long) args[1];
                    if (id >= UNKNOWN_SHIPMENT || caller.user().equals("jiangsu")) {
                        throw new NotFoundException("Shipment", id);
                    }
                    return Shipment.builder().id(id).number(String.format("SH-C-%06d", id)).fromDepotCode("CN-C-01")
                            .toDepotCode("HB-WH-01").build();
                });
    }

    private static NeedService needs() {
        KeyArea wuhan = new KeyArea(KEY_AREA, "42", null, "P42-WUHAN", "武汉市（疫情防控重点地区）", "admin", Instant.EPOCH);
        return (NeedService) Proxy.newProxyInstance(PassFixture.class.getClassLoader(),
                new Class<?>[] {NeedService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("keyAreas")) {
                        throw new UnsupportedOperationException(method.getName() + " is not used by passes");
                    }
                    return List.of(wuhan);
                });
    }

    @Override
    public void close() {
        database.close();
    }
}
