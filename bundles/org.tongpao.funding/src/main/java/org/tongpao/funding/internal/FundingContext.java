package org.tongpao.funding.internal;

import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.BudgetLine;

/** What the parts of the funding service share: the database, core's services, the clock, the events. */
final class FundingContext {
    static final String LINE = "Budget line";

    final DataSource ds;
    final AuditTrail audit;
    final IdempotencyKeys keys;
    final ProvinceRegistry provinces;
    final FundingEvents events;
    private volatile Clock clock = Clock.systemUTC();

    FundingContext(DataSource ds, AuditTrail audit, IdempotencyKeys keys, ProvinceRegistry provinces, EventOutbox outbox) {
        this.ds = ds;
        this.audit = audit;
        this.keys = keys;
        this.provinces = provinces;
        this.events = new FundingEvents(outbox);
    }

    void clock(Clock c) {
        this.clock = c;
    }

    Instant now() {
        return clock.instant();
    }

    /** The line when it exists and the caller may see it; otherwise 404, the same for both. */
    BudgetLine visibleLine(Caller caller, long lineId) {
        return Transactions.read(ds, c -> LineDao.find(c, lineId))
                .filter(l -> FundingScope.canSee(caller, l.holder()))
                .orElseThrow(() -> new NotFoundException(LINE, lineId));
    }

    /** Refuses a change to a read-only copy of another node's line: 409 naming the node that keeps it. */
    static BudgetLine own(BudgetLine line) {
        if (line.copyOf() != null) {
            throw new org.tongpao.core.ConflictException("lineId", "Budget line " + line.code() + " is kept by node "
                    + line.copyOf().substring(0, line.copyOf().lastIndexOf('/')) + ": record it there (this is its "
                    + "read-only copy)");
        }
        return line;
    }
}
