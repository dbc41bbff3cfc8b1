package org.tongpao.funding.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.funding.BudgetAdjustment;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.FundingSummary;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.Money;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.SummaryGroup;

/** The funding service over the platform database: lines ({@link LineCommands}), the rules ({@link CommitmentBook}), reads. */
@Component(service = FundingService.class)
public class JdbcFundingService implements FundingService {
    private final FundingContext ctx;
    private final LineCommands lines;
    private final CommitmentBook book;
    private final FundingReader reader;

    @Activate
    public JdbcFundingService(@Reference(target = "(tongpao.schema=" + FundingSchema.NAME + ")") SchemaReady schema,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference ProvinceRegistry provinces,
            @Reference EventOutbox outbox) {
        ctx = new FundingContext(schema.dataSource(), audit, keys, provinces, outbox);
        lines = new LineCommands(ctx);
        book = new CommitmentBook(ctx);
        reader = new FundingReader(ctx);
    }

    /** Tests move time. */
    void clock(Clock clock) {
        ctx.clock(clock);
    }

    @Override
    public BudgetLine createLine(Caller caller, NewBudgetLine line, String idempotencyKey) {
        return lines.create(caller, line, idempotencyKey);
    }

    @Override
    public BudgetLine adjustLine(Caller caller, long lineId, BudgetAdjustment adjustment, String idempotencyKey) {
        return lines.adjust(caller, lineId, adjustment, idempotencyKey);
    }

    @Override
    public BudgetLine line(Caller caller, long lineId) {
        return ctx.visibleLine(caller, lineId);
    }

    @Override
    public BudgetLine lineByCode(Caller caller, String code) {
        return reader.byCode(caller, code);
    }

    @Override
    public Page<BudgetLine> lines(Caller caller, LineFilter filter, int limit, String cursor) {
        return reader.lines(caller, filter, limit, cursor);
    }

    @Override
    public Commitment commit(Caller caller, long lineId, Money amount, ExchangeRate rate, String reference,
            String description) {
        return book.commit(caller, lineId, amount, rate, reference, description);
    }

    @Override
    public Commitment spend(Caller caller, String reference, Money amount, ExchangeRate rate, String receiptReference,
            boolean beyondCommitment) {
        return book.spend(caller, reference, amount, rate, receiptReference, beyondCommitment);
    }

    @Override
    public Commitment release(Caller caller, String reference, Money amount, String releaseReference, String reason) {
        return book.release(caller, reference, amount, releaseReference, reason);
    }

    @Override
    public Commitment commitment(Caller caller, String reference) {
        return book.visible(caller, reference);
    }

    @Override
    public Page<Commitment> commitments(Caller caller, long lineId, int limit, String cursor) {
        return reader.commitments(caller, lineId, limit, cursor);
    }

    @Override
    public List<FundingSummary> summary(Caller caller, LineFilter filter, Set<SummaryGroup> groups) {
        return reader.summary(caller, filter, groups);
    }

    @Override
    public BudgetLine replicate(Caller caller, String node, BudgetLine line, java.time.Instant asOf) {
        return new LineReplicas(ctx).replicate(caller, node, line, asOf);
    }
}
