package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;

/** A fresh database with core and the import's schema, its services wired as DS would, on a movable clock. */
final class ImportFixture implements AutoCloseable {
    static final Caller OFFICER = Caller.of("buyer", Set.of(Roles.PROCUREMENT_OFFICER), "req-buyer");
    static final Caller HUBEI = Caller.of("hubei-buyer", Set.of(Roles.PROCUREMENT_OFFICER, "province-42"), "req-hubei");
    static final Instant NOW = Instant.parse("2026-02-01T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 2, 1);

    private final TestDatabase database = new TestDatabase();
    final TestCore core;
    final MovableClock clock = new MovableClock(NOW);
    final ImportBase base;
    final ImportOffers offers;
    final ImportReference reference;
    final ImportOrders orders;
    final Customs customs;

    ImportFixture() {
        core = new TestCore(database.dataSource(), TestCore.node("central", false));
        Migrations.migrate(core.ds, ImportSchema.class, ImportSchema.MIGRATIONS, ImportSchema.HISTORY_TABLE);
        base = new ImportBase(SchemaReady.of(ImportSchema.NAME, core.ds), core.audit, core.keys, core.outbox);
        base.clock(clock);
        offers = new ImportOffers(base);
        reference = new ImportReference(base);
        orders = new ImportOrders(base);
        customs = new Customs(base, orders);
    }

    ImportOffer offer(String code, String item, String price, int leadDays) {
        return offers.create(OFFICER, new NewImportOffer(code, "Seoul Mask Co.", "KR", item, "KRW", new BigDecimal(price),
                Incoterm.CIF, leadDays, 500_000L, TODAY.plusDays(90)), null);
    }

    NewImportOrder order(String ref, long quantity) {
        return new NewImportOrder(ref, "42", "Wuhan depot 1", "KRW", null,
                List.of(new NewImportOrder.Line("L1", "MASK-KF94", quantity, null)));
    }

    List<String> topics() {
        return core.outbox.events(ImportTopics.PREFIX).stream()
                .map(e -> e.getTopic().substring(ImportTopics.PREFIX.length())).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
