package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.funding.BudgetAdjustment;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.CommitmentStatus;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.FundingSummary;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.Money;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.SummaryGroup;

/**
 * A stand-in for the funding bundle's service until its implementation is merged: budget lines in memory with
 * the rules procurement relies on (scope by holder, 409 naming {@code amount} beyond what is available, commit
 * idempotent on its reference, spend within the open commitment, release of what is open). It does not take part
 * in the database transaction, so tests that need a rollback of money use it only where funding refuses first.
 */
final class LedgerFunding implements FundingService {
    /** A line: holder, budget, committed, spent (CNY). */
    static final class Line {
        final long id;
        final String holder;
        BigDecimal budget;
        BigDecimal committed = BigDecimal.ZERO.setScale(2);
        BigDecimal spent = BigDecimal.ZERO.setScale(2);

        Line(long id, String holder, BigDecimal budget) {
            this.id = id;
            this.holder = holder;
            this.budget = budget.setScale(2);
        }

        BigDecimal available() {
            return budget.subtract(committed).subtract(spent);
        }
    }

    /** A commitment: its line, what is open in the original currency and in CNY. */
    record Held(long lineId, String reference, Money original, BigDecimal rate, BigDecimal amountCny,
            BigDecimal openCny, BigDecimal originalOpen, BigDecimal spentCny) {
    }

    final Map<Long, Line> lines = new ConcurrentHashMap<>();
    final Map<String, Held> commitments = new ConcurrentHashMap<>();
    /** When set, the next spend fails (to show a receipt rolls back whole). */
    volatile RuntimeException failNextSpend;

    long open(String holder, String amount) {
        long id = lines.size() + 1L;
        lines.put(id, new Line(id, holder, new BigDecimal(amount)));
        return id;
    }

    private Line visible(Caller caller, long lineId) {
        Line l = lines.get(lineId);
        String province = caller.provinceCode();
        if (l == null || (province != null && !province.equals(l.holder))) {
            throw new NotFoundException("budget line", lineId);
        }
        return l;
    }

    @Override
    public BudgetLine line(Caller caller, long lineId) {
        Line l = visible(caller, lineId);
        return new BudgetLine(l.id, "LINE-" + l.id, "line", FundingSource.SPECIAL_EPIDEMIC_FUND, l.holder, null,
                Money.CNY, l.budget, l.committed, l.spent, l.available(), 0, Instant.EPOCH, "test");
    }

    @Override
    public synchronized Commitment commit(Caller caller, long lineId, Money amount, ExchangeRate rate,
            String reference, String description) {
        Line l = visible(caller, lineId);
        if (commitments.containsKey(reference)) {
            return commitment(caller, reference);
        }
        BigDecimal cny = rate == null ? amount.amount() : rate.convert(amount).amount();
        if (cny.compareTo(l.available()) > 0) {
            throw new ConflictException("amount", "budget line " + lineId + " has " + l.available() + " CNY left");
        }
        l.committed = l.committed.add(cny);
        commitments.put(reference, new Held(lineId, reference, amount, rate == null ? BigDecimal.ONE : rate.rate(),
                cny, cny, amount.amount(), BigDecimal.ZERO.setScale(2)));
        return commitment(caller, reference);
    }

    @Override
    public synchronized Commitment spend(Caller caller, String reference, Money amount, ExchangeRate rate,
            String receiptReference, boolean beyondCommitment) {
        if (failNextSpend != null) {
            RuntimeException e = failNextSpend;
            failNextSpend = null;
            throw e;
        }
        Held h = held(reference);
        if (amount.amount().compareTo(h.originalOpen()) > 0) {
            throw new ConflictException("amount", "more than the open commitment");
        }
        BigDecimal paidCny = rate == null ? amount.amount() : rate.convert(amount).amount();
        BigDecimal consumedCny = amount.amount().compareTo(h.originalOpen()) == 0 ? h.openCny()
                : Money.rounded(h.openCny().multiply(amount.amount()).divide(h.originalOpen(), 10,
                        Money.ROUNDING), Money.CNY).amount();
        Line l = lines.get(h.lineId());
        l.committed = l.committed.subtract(consumedCny);
        l.spent = l.spent.add(paidCny);
        commitments.put(reference, new Held(h.lineId(), reference, h.original(), h.rate(), h.amountCny(),
                h.openCny().subtract(consumedCny), h.originalOpen().subtract(amount.amount()),
                h.spentCny().add(paidCny)));
        return commitment(caller, reference);
    }

    @Override
    public synchronized Commitment release(Caller caller, String reference, Money amount, String releaseReference,
            String reason) {
        Held h = held(reference);
        Line l = lines.get(h.lineId());
        l.committed = l.committed.subtract(h.openCny());
        commitments.put(reference, new Held(h.lineId(), reference, h.original(), h.rate(), h.amountCny(),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO, h.spentCny()));
        return commitment(caller, reference);
    }

    private Held held(String reference) {
        Held h = commitments.get(reference);
        if (h == null) {
            throw new NotFoundException("commitment", reference);
        }
        return h;
    }

    @Override
    public Commitment commitment(Caller caller, String reference) {
        Held h = held(reference);
        return new Commitment(1, h.lineId(), "LINE-" + h.lineId(), reference, Money.CNY, h.amountCny(),
                h.amountCny().subtract(h.openCny()), BigDecimal.ZERO, h.openCny(), h.spentCny(), h.original(),
                Money.of(h.originalOpen(), h.original().currency()), h.rate(), Instant.EPOCH, null,
                h.openCny().signum() == 0 ? CommitmentStatus.CLOSED : CommitmentStatus.OPEN, null, 0, Instant.EPOCH,
                "test");
    }

    @Override
    public BudgetLine createLine(Caller caller, NewBudgetLine line, String idempotencyKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BudgetLine adjustLine(Caller caller, long lineId, BudgetAdjustment adjustment, String idempotencyKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BudgetLine lineByCode(Caller caller, String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<BudgetLine> lines(Caller caller, LineFilter filter, int limit, String cursor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Commitment> commitments(Caller caller, long lineId, int limit, String cursor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<FundingSummary> summary(Caller caller, LineFilter filter, Set<SummaryGroup> groups) {
        throw new UnsupportedOperationException();
    }
}
