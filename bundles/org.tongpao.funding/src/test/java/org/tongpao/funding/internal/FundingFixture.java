package org.tongpao.funding.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
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

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TestCore core;
    final JdbcFundingService funding;

    FundingFixture() {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", false));
        Migrations.migrate(ds, FundingSchema.class, FundingSchema.MIGRATIONS, FundingSchema.HISTORY);
        funding = new JdbcFundingService(SchemaReady.of(FundingSchema.NAME, ds), core.audit, core.keys, core.provinces,
                core.outbox);
        funding.clock(clock);
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
