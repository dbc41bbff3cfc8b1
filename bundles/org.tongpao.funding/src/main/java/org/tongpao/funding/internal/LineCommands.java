package org.tongpao.funding.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.BudgetAdjustment;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.FundingTopics;
import org.tongpao.funding.Money;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.internal.EntryDao.Kind;

/** What finance does to lines: open them and adjust their budget, each under an Idempotency-Key. */
record LineCommands(FundingContext ctx) {
    private static final String ENTITY = "budget-line";

    BudgetLine create(Caller caller, NewBudgetLine body, String idempotencyKey) {
        FundingScope.requireManager(caller);
        NewBudgetLine l = checked(Checks.body(body));
        FundingScope.requireManages(caller, l.holder());
        Money budget = Money.of(Checks.required("amount", body.amount()), l.currency());
        if (budget.signum() < 0) {
            throw new ValidationException("amount", "amount must not be negative");
        }
        IdempotencyKeys.Outcome out = ctx.keys.execute(ctx.ds, caller, idempotencyKey, "funding.line.create", body, c -> {
            if (LineDao.findByCode(c, l.code()).isPresent()) {
                throw duplicate(l.code());
            }
            Instant now = ctx.now();
            long id;
            try {
                id = LineDao.insert(c, l, budget.amount(), caller.user(), now);
            } catch (SQLException e) {
                throw Sql.isUniqueViolation(e) ? duplicate(l.code()) : e;
            }
            EntryDao.insert(c, id, null, Kind.OPEN, EntryDao.key(Kind.OPEN, id, l.code()), budget.amount(), null, null,
                    l.name(), caller.user(), now);
            BudgetLine line = LineDao.find(c, id).orElseThrow();
            ctx.audit.record(c, caller, ENTITY, Long.toString(id), "CREATE", null, snapshot(line));
            ctx.events.line(c, FundingTopics.LINE_CREATED, caller, line);
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(id));
        });
        return read(Long.parseLong(out.ref().id()));
    }

    BudgetLine adjust(Caller caller, long lineId, BudgetAdjustment body, String idempotencyKey) {
        FundingScope.requireManager(caller);
        Checks.body(body);
        BudgetLine line = FundingContext.own(ctx.visibleLine(caller, lineId));
        FundingScope.requireManages(caller, line.holder());
        Money delta = Money.of(Checks.required("delta", body.delta()), line.currency());
        if (delta.signum() == 0) {
            throw new ValidationException("delta", "delta must not be zero");
        }
        String reason = Checks.line("reason", body.reason(), 500);
        Long expected = Checks.optionalVersion("expectedVersion", body.expectedVersion());
        ctx.keys.execute(ctx.ds, caller, idempotencyKey, "funding.line.adjust:" + lineId, body, c -> {
            LineDao.lock(c, lineId);
            BudgetLine before = LineDao.find(c, lineId).orElseThrow();
            Checks.expectVersion(FundingContext.LINE, lineId, expected, before.version());
            Instant now = ctx.now();
            if (!LineDao.apply(c, lineId, delta.amount(), BigDecimal.ZERO, BigDecimal.ZERO, now)) {
                throw new ConflictException("delta", "a cut of " + delta.negate() + " leaves line " + before.code()
                        + " below what is committed and spent (" + before.available().toPlainString() + " available)");
            }
            EntryDao.insert(c, lineId, null, Kind.ADJUST, EntryDao.key(Kind.ADJUST, lineId, UUID.randomUUID().toString()),
                    delta.amount(), null, null, reason, caller.user(), now);
            BudgetLine after = LineDao.find(c, lineId).orElseThrow();
            ctx.audit.record(c, caller, ENTITY, Long.toString(lineId), "ADJUST", snapshot(before), snapshot(after));
            ctx.events.line(c, FundingTopics.LINE_ADJUSTED, caller, after);
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(lineId));
        });
        return read(lineId);
    }

    private BudgetLine read(long id) {
        return Transactions.read(ctx.ds, c -> LineDao.find(c, id)).orElseThrow();
    }

    /** The body with its fields checked and trimmed; 400 naming the first bad field. */
    private NewBudgetLine checked(NewBudgetLine b) {
        String code = Checks.code("code", b.code());
        String name = Checks.line("name", b.name(), 200);
        FundingSource source = Checks.required("source", b.source());
        String holder = Checks.line("holder", b.holder(), 16);
        if (!BudgetLine.MINISTRY.equals(holder) && !ctx.provinces.isValid(holder)) {
            throw new ValidationException("holder", "holder must be " + BudgetLine.MINISTRY + " or a province code");
        }
        if (source == FundingSource.PROVINCIAL_BUDGET && BudgetLine.MINISTRY.equals(holder)) {
            throw new ValidationException("holder", "a provincial budget is held by its province");
        }
        String category = Checks.optionalLine("category", b.category(), 64);
        String currency = b.currency() == null ? Money.CNY : b.currency();
        if (!Money.CNY.equals(currency)) {
            throw new ValidationException("currency", "budget lines are kept in " + Money.CNY);
        }
        return new NewBudgetLine(code, name, source, holder, category, b.amount(), currency);
    }

    private static ConflictException duplicate(String code) {
        return new ConflictException("code", "a budget line " + code + " exists already");
    }

    private static java.util.Map<String, Object> snapshot(BudgetLine l) {
        return java.util.Map.of("code", l.code(), "source", l.source().name(), "holder", l.holder(),
                "budget", l.budget().toPlainString(), "committed", l.committed().toPlainString(),
                "spent", l.spent().toPlainString(), "version", l.version());
    }
}
