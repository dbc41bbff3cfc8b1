package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.OfferStatus;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.allocation.spi.BatchReceiptListener;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransferListener;
import org.tongpao.inventory.InventoryService;

/**
 * Plans, batches and mutual aid: the service and its references; the work is done by one part per
 * responsibility ({@link PlanProposals}, {@link PlanDecisions}, {@link BatchApproval}, {@link BatchDispatch},
 * {@link BatchReceipts}, {@link BatchQueries}, {@link MutualAid}).
 */
@Component(service = {AllocationService.class, JdbcAllocationService.class, CrossNodeTransferListener.class})
public class JdbcAllocationService implements AllocationService, CrossNodeTransferListener {

    /** Told of every batch line received (transport receives the shipment that carried it). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<BatchReceiptListener> receiptListeners = new CopyOnWriteArrayList<>();

    private final PlanProposals proposals;
    private final PlanDecisions decisions;
    private final BatchQueries queries;
    private final BatchDispatch dispatch;
    private final BatchReceipts receipts;
    private final MutualAid mutualAid;
    private final LedgerKeepers keepers = new LedgerKeepers();
    private final EntryGates gates = new EntryGates();
    private final CrossNodeBatches crossNode;
    private final BatchReturns returns;

    @Activate
    public JdbcAllocationService(@Reference(target = AllocationSchema.READY) SchemaReady schema,
            @Reference OrgUnitService units, @Reference CatalogueService catalogue, @Reference DepotService depots,
            @Reference ProvinceRegistry provinces, @Reference InventoryService inventory,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference PolicySelector policies,
            @Reference EventOutbox outbox) {
        AllocationContext ctx = new AllocationContext(schema.dataSource(), units, catalogue, depots, provinces, inventory,
                audit, keys, policies, new AllocationEvents(outbox), keepers, gates);
        this.proposals = new PlanProposals(ctx);
        this.decisions = new PlanDecisions(ctx);
        this.queries = new BatchQueries(ctx);
        this.dispatch = new BatchDispatch(ctx);
        this.returns = new BatchReturns(ctx, dispatch);
        this.receipts = new BatchReceipts(ctx, receiptListeners);
        this.mutualAid = new MutualAid(ctx);
        this.crossNode = new CrossNodeBatches(ctx, receiptListeners);
    }

    /** Federation's answer to which node keeps a province's ledgers: lines from such depots become instructions. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindLedgerOwners(LedgerOwners owners) {
        keepers.owners(owners);
    }

    public void unbindLedgerOwners(LedgerOwners owners) {
        keepers.owners(null);
    }

    /** Whether goods may enter a key area now (tongpao-passes: a verifiable entry pass); none installed: nothing enters. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindEntryGate(EntryGate gate) {
        gates.add(gate);
    }

    public void unbindEntryGate(EntryGate gate) {
        gates.remove(gate);
    }

    // CrossNodeTransferListener: batch lines that travel between nodes close at central with the receipt

    @Override
    public void dispatched(Connection connection, Caller sender, CrossNodeTransfer transfer) throws SQLException {
        crossNode.dispatched(connection, sender, transfer);
    }

    @Override
    public void received(Connection connection, Caller receiver, CrossNodeTransfer transfer) throws SQLException {
        crossNode.received(connection, receiver, transfer);
    }

    @Override
    public Plan propose(Caller caller, PlanRequest request, String idempotencyKey) {
        return proposals.propose(caller, request, idempotencyKey);
    }

    @Override
    public Plan plan(Caller caller, long id) {
        return decisions.plan(caller, id);
    }

    @Override
    public Page<Plan> plans(Caller caller, PlanStatus status, int limit, String cursor) {
        return decisions.plans(caller, status, limit, cursor);
    }

    @Override
    public Batch approve(Caller caller, long planId, String idempotencyKey) {
        return decisions.approve(caller, planId, idempotencyKey);
    }

    @Override
    public Plan reject(Caller caller, long planId, String note, String idempotencyKey) {
        return decisions.reject(caller, planId, note, idempotencyKey);
    }

    @Override
    public Page<Batch> batches(Caller caller, BatchStatus status, int limit, String cursor) {
        return queries.batches(caller, status, limit, cursor);
    }

    @Override
    public Batch batch(Caller caller, long id) {
        return queries.batch(caller, id);
    }

    @Override
    public Batch dispatch(Caller caller, long batchId, String idempotencyKey) {
        return dispatch.dispatch(caller, batchId, idempotencyKey);
    }

    @Override
    public Batch dispatchLines(Caller caller, long batchId, long fromDepotId, long toDepotId, String idempotencyKey) {
        return dispatch.dispatchLines(caller, batchId, fromDepotId, toDepotId, idempotencyKey);
    }

    @Override
    public Batch returnLines(Caller caller, long batchId, java.util.Collection<Long> lineIds, String note,
            String idempotencyKey) {
        return returns.returnLines(caller, batchId, lineIds, note, idempotencyKey);
    }

    @Override
    public Batch noteLines(Caller caller, long batchId, java.util.Collection<Long> lineIds, String note,
            String idempotencyKey) {
        return returns.noteLines(caller, batchId, lineIds, note, idempotencyKey);
    }

    @Override
    public Batch dispatchLinesToUnit(Caller caller, long batchId, long fromDepotId, long toOrgUnitId,
            String idempotencyKey) {
        return dispatch.dispatchLinesToUnit(caller, batchId, fromDepotId, toOrgUnitId, idempotencyKey);
    }

    @Override
    public Batch receive(Caller caller, long batchId, List<LineReceipt> lines, String idempotencyKey) {
        return receipts.receive(caller, batchId, lines, idempotencyKey);
    }

    @Override
    public MutualAidOffer offer(Caller caller, NewMutualAidOffer command, String idempotencyKey) {
        return mutualAid.offer(caller, command, idempotencyKey);
    }

    @Override
    public Page<MutualAidOffer> offers(Caller caller, OfferStatus status, int limit, String cursor) {
        return mutualAid.offers(caller, status, limit, cursor);
    }

    @Override
    public MutualAidOffer getOffer(Caller caller, long id) {
        return mutualAid.getOffer(caller, id);
    }

    @Override
    public Batch approveOffer(Caller caller, long offerId, OfferApproval approval, String idempotencyKey) {
        return mutualAid.approveOffer(caller, offerId, approval, idempotencyKey);
    }

    @Override
    public MutualAidOffer rejectOffer(Caller caller, long offerId, String note, String idempotencyKey) {
        return mutualAid.rejectOffer(caller, offerId, note, idempotencyKey);
    }
}
