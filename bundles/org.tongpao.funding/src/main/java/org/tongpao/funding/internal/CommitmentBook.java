package org.tongpao.funding.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.FundingTopics;
import org.tongpao.funding.Money;
import org.tongpao.funding.internal.EntryDao.Kind;

/**
 * The rules of commitments: commit within what a line has available, spend against what is committed, release
 * the rest. Each step is one {@code Transactions.write} (joining the caller's enclosing transaction) whose
 * first change takes the line's row lock, so steps on one line run one after the other and steps on different
 * lines do not meet.
 */
record CommitmentBook(FundingContext ctx) {
    private static final int REFERENCE_MAX = 128;

    Commitment commit(Caller caller, long lineId, Money amount, ExchangeRate rate, String reference, String description) {
        FundingScope.requireCommitter(caller);
        String ref = Checks.line("reference", reference, REFERENCE_MAX);
        String note = Checks.optionalText("description", description, 500);
        positive(amount);
        BudgetLine line = FundingContext.own(ctx.visibleLine(caller, lineId));
        ExchangeRate r = rateFor(amount.currency(), line.currency(), rate);
        Money cny = r.convert(amount);
        if (!cny.isPositive()) {
            throw new ValidationException("amount", "amount is worth less than the smallest unit of " + line.currency());
        }
        try {
            return Transactions.write(ctx.ds, "funding.commit", c -> {
                Optional<Commitment> earlier = CommitmentDao.findByReference(c, ref);
                if (earlier.isPresent()) {
                    return repeat(earlier.get(), lineId, amount);
                }
                Instant now = ctx.now();
                if (!LineDao.apply(c, lineId, BigDecimal.ZERO, cny.amount(), BigDecimal.ZERO, now)) {
                    // an approval with this reference may have committed while this one waited for the line
                    Optional<Commitment> meanwhile = CommitmentDao.findByReference(c, ref);
                    if (meanwhile.isPresent()) {
                        return repeat(meanwhile.get(), lineId, amount);
                    }
                    BudgetLine current = LineDao.find(c, lineId).orElseThrow();
                    throw new ConflictException("amount", "amount " + cny + " exceeds what line " + current.code()
                            + " has available (" + current.available().toPlainString() + " " + current.currency()
                            + "); nothing was committed");
                }
                long id = CommitmentDao.insert(c, lineId, line.code(), ref, cny, amount, r, note, caller.user(), now);
                EntryDao.insert(c, lineId, id, Kind.COMMIT, EntryDao.key(Kind.COMMIT, id, ref), cny.amount(), amount, r,
                        note, caller.user(), now);
                return recorded(c, caller, ref, "COMMIT", FundingTopics.COMMITTED, cny.amount());
            });
        } catch (DataAccessException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // the same reference committed on another line at the same moment: a repeat or a conflict
            return Transactions.read(ctx.ds, c -> CommitmentDao.findByReference(c, ref))
                    .map(m -> repeat(m, lineId, amount)).orElseThrow(() -> e);
        }
    }

    Commitment spend(Caller caller, String reference, Money amount, ExchangeRate rate, String receiptReference,
            boolean beyondCommitment) {
        FundingScope.requireCommitter(caller);
        String ref = Checks.line("reference", reference, REFERENCE_MAX);
        String receipt = Checks.line("receiptReference", receiptReference, REFERENCE_MAX);
        positive(amount);
        Commitment m = visible(caller, ref);
        sameCurrency(m, amount);
        ExchangeRate r = rateFor(amount.currency(), m.currency(), rate);
        Money paid = r.convert(amount);
        String key = EntryDao.key(Kind.SPEND, m.id(), receipt);
        return Transactions.write(ctx.ds, "funding.spend", c -> {
            Commitment now = locked(c, m);
            Optional<BigDecimal> earlier = EntryDao.originalAmount(c, key);
            if (earlier.isPresent()) {
                return sameAmount(now, earlier.get(), amount, "receiptReference");
            }
            Money open = now.originalOpen();
            if (!beyondCommitment) {
                withinOpen(now, amount);
            }
            // paying the rest consumes the rest exactly, whatever the rounding of the parts before
            BigDecimal consumed = amount.compareTo(open) >= 0 ? now.open()
                    : committedRate(now).convert(amount).amount().min(now.open());
            Instant at = ctx.now();
            if (!LineDao.apply(c, now.lineId(), BigDecimal.ZERO, consumed.negate(), paid.amount(), at)) {
                throw new ConflictException("amount", "paying " + paid + " needs " + paid.amount().subtract(consumed)
                        .toPlainString() + " more than " + ref + " had committed, and line " + now.lineCode()
                        + " does not have it available; nothing was spent");
            }
            CommitmentDao.add(c, now.id(), consumed, BigDecimal.ZERO, paid.amount(), amount.amount(), BigDecimal.ZERO);
            EntryDao.insert(c, now.lineId(), now.id(), Kind.SPEND, key, paid.amount(), amount, r, receipt, caller.user(), at);
            return recorded(c, caller, ref, "SPEND", FundingTopics.SPENT, paid.amount());
        });
    }

    Commitment release(Caller caller, String reference, Money amount, String releaseReference, String reason) {
        FundingScope.requireCommitter(caller);
        String ref = Checks.line("reference", reference, REFERENCE_MAX);
        String cancellation = Checks.line("releaseReference", releaseReference, REFERENCE_MAX);
        String note = Checks.optionalText("reason", reason, 500);
        if (amount != null) {
            positive(amount);
        }
        Commitment m = visible(caller, ref);
        if (amount != null) {
            sameCurrency(m, amount);
        }
        String key = EntryDao.key(Kind.RELEASE, m.id(), cancellation);
        return Transactions.write(ctx.ds, "funding.release", c -> {
            Commitment now = locked(c, m);
            Optional<BigDecimal> earlier = EntryDao.originalAmount(c, key);
            if (earlier.isPresent()) {
                return amount == null ? now : sameAmount(now, earlier.get(), amount, "releaseReference");
            }
            Money open = now.originalOpen();
            Money given = amount == null ? open : withinOpen(now, amount);
            BigDecimal released = given.equals(open) ? now.open()
                    : committedRate(now).convert(given).amount().min(now.open());
            Instant at = ctx.now();
            LineDao.apply(c, now.lineId(), BigDecimal.ZERO, released.negate(), BigDecimal.ZERO, at);
            CommitmentDao.add(c, now.id(), BigDecimal.ZERO, released, BigDecimal.ZERO, BigDecimal.ZERO, given.amount());
            EntryDao.insert(c, now.lineId(), now.id(), Kind.RELEASE, key, released, given, null, note,
                    caller.user(), at);
            return recorded(c, caller, ref, "RELEASE", FundingTopics.RELEASED, released);
        });
    }

    /** The commitment when it exists and its line is visible to the caller; otherwise the same 404. */
    Commitment visible(Caller caller, String reference) {
        Commitment m = Transactions.read(ctx.ds, c -> CommitmentDao.findByReference(c, reference))
                .orElseThrow(() -> new NotFoundException("Commitment", reference));
        BudgetLine line = Transactions.read(ctx.ds, c -> LineDao.find(c, m.lineId())).orElseThrow();
        if (!FundingScope.canSee(caller, line.holder())) {
            throw new NotFoundException("Commitment", reference);
        }
        return m;
    }

    /** Takes the line's row lock, then reads the commitment as it stands (spends and releases of it wait here). */
    private static Commitment locked(Connection c, Commitment m) throws SQLException {
        LineDao.lock(c, m.lineId());
        return CommitmentDao.findByReference(c, m.reference()).orElseThrow();
    }

    /** {@code amount} when the commitment still has that much open; else 409 naming {@code amount}. */
    private static Money withinOpen(Commitment m, Money amount) {
        if (amount.compareTo(m.originalOpen()) > 0) {
            throw new ConflictException("amount", "amount " + amount + " exceeds what " + m.reference()
                    + " still has committed (" + m.originalOpen() + ")");
        }
        return amount;
    }

    /** The commitment as changed, with its audit row and its event, on the step's connection. */
    private Commitment recorded(Connection c, Caller caller, String ref, String action, String topic, BigDecimal change)
            throws SQLException {
        Commitment m = CommitmentDao.findByReference(c, ref).orElseThrow();
        BudgetLine line = LineDao.find(c, m.lineId()).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lineId", m.lineId());
        after.put("change", change.toPlainString());
        after.put("amount", m.amount().toPlainString());
        after.put("open", m.open().toPlainString());
        after.put("spent", m.spent().toPlainString());
        after.put("original", m.original().toString());
        ctx.audit.record(c, caller, "budget-commitment", ref, action, null, after);
        ctx.events.commitment(c, topic, caller, line, m, change);
        return m;
    }

    /** A repeated commit: the same line and amount get the first commitment, anything else is a conflict. */
    private static Commitment repeat(Commitment first, long lineId, Money amount) {
        if (first.lineId() != lineId || !first.original().equals(amount)) {
            throw new ConflictException("reference", "reference " + first.reference() + " already commits "
                    + first.original() + " on line " + first.lineCode());
        }
        return first;
    }

    private static Commitment sameAmount(Commitment now, BigDecimal first, Money amount, String field) {
        if (first.compareTo(amount.amount()) != 0) {
            throw new ConflictException(field, field + " was used before with another amount ("
                    + first.stripTrailingZeros().toPlainString() + " " + amount.currency() + ")");
        }
        return now;
    }

    private static void positive(Money amount) {
        if (!Checks.required("amount", amount).isPositive()) {
            throw new ValidationException("amount", "amount must be above zero");
        }
    }

    private static void sameCurrency(Commitment m, Money amount) {
        if (!amount.currency().equals(m.original().currency())) {
            throw new ValidationException("currency", "commitment " + m.reference() + " is in "
                    + m.original().currency() + ", not " + amount.currency());
        }
    }

    /** The rate at which the commitment was converted (its own currency to the line's). */
    private static ExchangeRate committedRate(Commitment m) {
        return new ExchangeRate(m.original().currency(), m.currency(), m.rate(), m.rateAsOf(), m.rateSource());
    }

    /** {@code rate} checked against what is converted; the identity for an amount in the line's currency. */
    private ExchangeRate rateFor(String from, String to, ExchangeRate rate) {
        if (from.equals(to)) {
            if (rate != null && !rate.isIdentity()) {
                throw new ValidationException("rate", "an amount in " + to + " takes no exchange rate");
            }
            return rate != null ? rate : ExchangeRate.identity(to, ctx.now());
        }
        if (rate == null) {
            throw new ValidationException("rate", "an amount in " + from + " needs the exchange rate to " + to);
        }
        if (!rate.from().equals(from) || !rate.to().equals(to)) {
            throw new ValidationException("rate", "the rate must convert " + from + " to " + to + ", not "
                    + rate.from() + " to " + rate.to());
        }
        return rate;
    }
}
