package org.tongpao.funding.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.Money;
import org.tongpao.funding.NewBudgetLine;

/** A fresh database (Derby, or PostgreSQL with {@code -Dtongpao.test.postgres}) with core and funding wired as DS would. */
final class FundingFixture implements AutoCloseable, TestCallers {
    static final Caller FINANCE = Caller.of("finance", Set.of("finance"), "req-finance");
    static final Caller HUBEI_FINANCE = Caller.of("hb-finance", Set.of("finance", "province-42"), "req-hb-finance");

    private final TestDatabase database;
    final DataSource ds;
    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TestCore core;
    final JdbcFundingService funding;

    FundingFixture() {
        database = new TestDatabase();
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", false));
        Migrations.migrate(ds, FundingSchema.class, FundingSchema.MIGRATIONS, FundingSchema.HISTORY);
        funding = service(core.outbox);
    }

    private FundingFixture(FundingFixture base, EventOutbox outbox) {
        database = base.database;
        ds = base.ds;
        core = base.core;
        funding = service(outbox);
    }

    /** The same database and core with funding recording its events on {@code outbox}. */
    FundingFixture withOutbox(EventOutbox outbox) {
        return new FundingFixture(this, outbox);
    }

    private JdbcFundingService service(EventOutbox outbox) {
        JdbcFundingService s = new JdbcFundingService(SchemaReady.of(FundingSchema.NAME, ds), core.audit, core.keys,
                core.provinces, outbox);
        s.clock(clock);
        return s;
    }

    BudgetLine line(String code, FundingSource source, String holder, String amount) {
        return funding.createLine(FINANCE, new NewBudgetLine(code, code + " line", source, holder, "MASK",
                new BigDecimal(amount), null), null);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Override
    public void close() {
        database.close();
    }
}
