package org.tongpao.procurement.centre.internal;

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

/** A fresh database with core and the centre's schema, the centre's services wired as DS would, on a movable clock. */
final class CentreFixture implements AutoCloseable {
    static final Caller BUYER = Caller.of("buyer", Set.of(Roles.PROCUREMENT_OFFICER), "req-buyer");
    static final Caller HUBEI_BUYER = Caller.of("hubei-buyer", Set.of(Roles.PROCUREMENT_OFFICER, "province-42"),
            "req-hubei");
    static final Caller HENAN_BUYER = Caller.of("henan-buyer", Set.of(Roles.PROCUREMENT_OFFICER, "province-41"),
            "req-henan");
    /** 2026-02-01 10:00 in Beijing. */
    static final Instant NOW = Instant.parse("2026-02-01T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 2, 1);

    private final TestDatabase database = new TestDatabase();
    final TestCore core;
    final MovableClock clock = new MovableClock(NOW);
    final Agreements agreements;
    final CentreOrders orders;

    CentreFixture() {
        core = new TestCore(database.dataSource(), TestCore.node("central", false));
        Migrations.migrate(core.ds, CentreSchema.class, CentreSchema.MIGRATIONS, CentreSchema.HISTORY_TABLE);
        SchemaReady schema = SchemaReady.of(CentreSchema.NAME, core.ds);
        agreements = new Agreements(schema, core.audit, core.keys, core.outbox);
        agreements.clock(clock);
        orders = new CentreOrders(schema, agreements, core.audit, core.keys, core.outbox);
    }

    Agreement agreement(String code, String price, long capacity, int lead, int expedited) {
        return agreements.create(BUYER, new NewAgreement(code, "SUP-" + code, "Supplier of " + code, TODAY.minusDays(10),
                TODAY.plusDays(100), lead, expedited, List.of(new AgreementLine("MASK-N95", new BigDecimal(price), capacity))),
                null);
    }

    List<String> topics() {
        return core.outbox.events(CentreTopics.PREFIX).stream()
                .map(e -> e.getTopic().substring(CentreTopics.PREFIX.length())).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
