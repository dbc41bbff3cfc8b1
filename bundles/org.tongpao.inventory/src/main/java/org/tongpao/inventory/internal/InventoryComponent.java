package org.tongpao.inventory.internal;

import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.Page;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransferListener;
import org.tongpao.inventory.CrossNodeTransfers;
import org.tongpao.inventory.DispatchOrder;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.NewCensus;
import org.tongpao.inventory.ReplicaLedger;
import org.tongpao.inventory.ReplicaPosting;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.ReserveCensus;
import org.tongpao.inventory.StockLedger;
import org.tongpao.inventory.Transfer;

/**
 * The inventory services, one component: {@link InventoryService}, {@link StockLedger} (its methods in
 * {@link StockLedgerFacade}), {@link ReserveCensus}, {@link ReplicaLedger}, {@link CrossNodeTransfers}; the
 * operations behind them are wired in {@link Operations}.
 */
@Component(service = {InventoryService.class, StockLedger.class, ReserveCensus.class, ReplicaLedger.class,
        CrossNodeTransfers.class, ShortDatedScan.class}, configurationPid = InventoryComponent.PID)
@Designate(ocd = InventoryComponent.Config.class)
public class InventoryComponent extends StockLedgerFacade implements InventoryService, ReserveCensus,
        ReplicaLedger, CrossNodeTransfers, ShortDatedScan {
    public static final String PID = "org.tongpao.inventory";
    private static final Logger LOG = LoggerFactory.getLogger(InventoryComponent.class);

    @ObjectClassDefinition(name = "Tongpao inventory", description = "Lots, ledger, balances, census")
    public @interface Config {
        @AttributeDefinition(description = "Lots expiring within this many days are flagged short-dated")
        int shortDatedDays() default 90;

        @AttributeDefinition(description = "Hours between two runs of the short-dated and expiry scan "
                + "(flags short-dated lots once, marks lots past expiry EXPIRED); 0 turns the schedule off")
        int shortDatedScanHours() default 24;
    }

    @Activate
    public InventoryComponent(Config config, @Reference(target = InventorySchema.READY) SchemaReady schema,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference EventOutbox outbox,
            @Reference ProvinceRegistry provinces) {
        this(config, schema, audit, keys, outbox, provinces, Clock.systemDefaultZone());
    }

    /**
     * For tests: a fixed or adjustable clock decides "today" for expiry and short-dated checks. Public for the
     * inventory's test kit ({@code org.tongpao.inventory.testing}), which other bundles' fixtures use.
     */
    public InventoryComponent(Config config, SchemaReady schema, AuditTrail audit, IdempotencyKeys keys,
            EventOutbox outbox, ProvinceRegistry provinces, Clock clock) {
        super(new Operations(schema, audit, keys, outbox, provinces, clock));
        modified(config);
    }

    /**
     * Federation's answer to "which node keeps this depot's ledger"; absent: this node keeps them all. Public
     * for the fixtures of bundles that run the real inventory.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindLedgerOwners(LedgerOwners ledgerOwners) {
        ops.owners.set(ledgerOwners);
    }

    public void unbindLedgerOwners(LedgerOwners ledgerOwners) {
        ops.owners.unset(ledgerOwners);
    }

    /** This node's identity: whose depots are whose (absent in unit tests: central). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindNodeIdentity(NodeIdentity node) {
        ops.ownership.node(node);
    }

    public void unbindNodeIdentity(NodeIdentity node) {
        ops.ownership.node(null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindCrossNodeTransferListener(CrossNodeTransferListener listener) {
        ops.ownership.listeners.add(listener);
    }

    public void unbindCrossNodeTransferListener(CrossNodeTransferListener listener) {
        ops.ownership.listeners.remove(listener);
    }

    // ShortDatedScan (internal)

    @Override
    public Result scan() {
        return ops.scanner.scan();
    }

    @Modified
    void modified(Config config) {
        int days = config.shortDatedDays();
        if (days < 0) {
            LOG.error("shortDatedDays must be zero or more, not {}; using 90", days);
            days = 90;
        }
        ops.shortDatedDays(days);
    }

    // InventoryService

    @Override
    public long available(Caller caller, long depotId, long itemId) {
        return ops.availability.available(caller, depotId, itemId);
    }

    @Override
    public java.util.Map<Long, java.util.Map<Long, Long>> available(Caller caller, java.util.Collection<Long> depotIds,
            java.util.Collection<Long> itemIds) {
        return ops.availability.available(caller, depotIds, itemIds);
    }

    @Override
    public Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder,
            String idempotencyKey) {
        return ops.reservations.reserve(caller, depotId, itemId, quantity, holder, idempotencyKey);
    }

    @Override
    public long available(Caller caller, long depotId, long itemId, org.tongpao.inventory.Destination destination) {
        return ops.availability.available(caller, depotId, itemId, destination);
    }

    @Override
    public List<org.tongpao.inventory.DesignatedStock> designated(Caller caller, java.util.Collection<Long> depotIds,
            java.util.Collection<Long> itemIds) {
        return ops.availability.designated(caller, depotIds, itemIds);
    }

    @Override
    public Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder,
            org.tongpao.inventory.Destination destination, String idempotencyKey) {
        return ops.reservations.reserve(caller, depotId, itemId, quantity, holder, destination, idempotencyKey);
    }

    @Override
    public Reservation release(Caller caller, long reservationId, String idempotencyKey) {
        return ops.reservations.release(caller, reservationId, idempotencyKey);
    }

    @Override
    public Transfer dispatch(Caller caller, long reservationId, long toDepotId, String sourceDocument,
            String idempotencyKey) {
        return ops.reservations.dispatch(caller, reservationId, toDepotId, sourceDocument, idempotencyKey, true);
    }

    @Override
    public Transfer dispatchToUnit(Caller caller, long reservationId, long toOrgUnitId, String sourceDocument,
            String idempotencyKey) {
        return ops.reservations.dispatchToUnit(caller, reservationId, toOrgUnitId, sourceDocument, idempotencyKey);
    }

    @Override
    public Transfer dispatch(Caller caller, long reservationId, DispatchOrder order, String idempotencyKey) {
        if (order == null || order.toDepotId() == null) {
            throw new org.tongpao.core.ValidationException("toDepotId", "toDepotId is required");
        }
        return ops.reservations.dispatch(caller, reservationId, order.toDepotId(), order.sourceDocument(),
                order.overrideReason(), idempotencyKey, false);
    }

    @Override
    public Transfer receiveTransfer(Caller caller, long transferId, long receivedQuantity, long damagedQuantity,
            String note, String idempotencyKey) {
        return ops.transfers.receive(caller, transferId, receivedQuantity, damagedQuantity, note, idempotencyKey);
    }

    @Override
    public Transfer transfer(Caller caller, long transferId) {
        return ops.transfers.transfer(caller, transferId);
    }

    @Override
    public Transfer returnTransfer(Caller caller, long transferId, String note, String idempotencyKey) {
        return ops.transfers.returnToSender(caller, transferId, note, idempotencyKey);
    }

    // ReplicaLedger

    @Override
    public boolean apply(Caller sender, ReplicaPosting posting) {
        return ops.replicas.apply(sender, posting);
    }

    // CrossNodeTransfers

    @Override
    public CrossNodeTransfer accept(Caller sender, CrossNodeTransfer dispatched) {
        return ops.crossNode.accept(sender, dispatched, ops.ownership.listeners);
    }

    @Override
    public CrossNodeTransfer receipt(Caller receiver, String id, List<CrossNodeTransfer.Line> lines,
            java.time.Instant receivedAt) {
        return ops.crossNode.receipt(receiver, id, lines, receivedAt, ops.ownership.listeners);
    }

    @Override
    public CrossNodeTransfer crossNodeTransfer(Caller caller, String id) {
        return ops.crossNode.get(caller, id);
    }

    @Override
    public Page<CrossNodeTransfer> crossNodeTransfers(Caller caller, Transfer.Status status, int limit,
            String cursor) {
        return ops.crossNode.list(caller, null, status, limit, cursor);
    }

    @Override
    public Page<CrossNodeTransfer> crossNodeTransfers(Caller caller, String provinceCode, Transfer.Status status,
            int limit, String cursor) {
        return ops.crossNode.list(caller, org.tongpao.core.Checks.required("provinceCode", provinceCode), status, limit,
                cursor);
    }

    @Override
    public CrossNodeTransfer restoreSent(Caller caller, CrossNodeTransfer sent) {
        return ops.crossNode.restoreSent(caller, sent);
    }

    // ReserveCensus

    @Override
    public Census open(Caller caller, NewCensus newCensus, String idempotencyKey) {
        return ops.census.open(caller, newCensus, idempotencyKey);
    }

    @Override
    public Census get(Caller caller, long censusId) {
        return ops.census.get(caller, censusId);
    }

    @Override
    public Page<Census> list(Caller caller, int limit, String cursor) {
        return ops.census.list(caller, limit, cursor);
    }

    @Override
    public Census submit(Caller caller, long censusId, String provinceCode, CensusSubmission submission,
            String idempotencyKey) {
        return ops.census.submit(caller, censusId, provinceCode, submission, idempotencyKey);
    }

    @Override
    public Census openReplica(Caller caller, String source, NewCensus newCensus) {
        return ops.censusAnswers.openReplica(caller, source, newCensus);
    }

    @Override
    public Census recordAnswer(Caller caller, long censusId, CensusAnswer answer) {
        return ops.censusAnswers.recordAnswer(caller, censusId, answer);
    }
}
