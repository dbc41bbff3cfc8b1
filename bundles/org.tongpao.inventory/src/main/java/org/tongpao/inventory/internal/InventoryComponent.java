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
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.CountResult;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransferListener;
import org.tongpao.inventory.CrossNodeTransfers;
import org.tongpao.inventory.DispatchOrder;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCensus;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.ReceivedLots;
import org.tongpao.inventory.ReplicaLedger;
import org.tongpao.inventory.ReplicaPosting;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.ReserveCensus;
import org.tongpao.inventory.StockBalance;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.StockLedger;
import org.tongpao.inventory.Threshold;
import org.tongpao.inventory.Transfer;

/**
 * The inventory services, one component: {@link InventoryService}, {@link StockLedger}, {@link ReserveCensus},
 * {@link ReplicaLedger}, {@link CrossNodeTransfers}.
 */
@Component(service = {InventoryService.class, StockLedger.class, ReserveCensus.class, ReplicaLedger.class,
        CrossNodeTransfers.class, ShortDatedScan.class}, configurationPid = InventoryComponent.PID)
@Designate(ocd = InventoryComponent.Config.class)
public class InventoryComponent implements InventoryService, StockLedger, ReserveCensus, ReplicaLedger,
        CrossNodeTransfers,
        ShortDatedScan {
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

    private volatile int shortDatedDays;
    private final LedgerOwnership owners = new LedgerOwnership();
    private final Movements movements;
    private final BulkReceipts bulkReceipts;
    private final Transfers transfers;
    private final Reservations reservations;
    private final Availability availability;
    private final LotStatuses lotStatuses;
    private final Counts counts;
    private final Thresholds thresholds;
    private final Views views;
    private final SummaryViews summaryViews;
    private final CensusBook census;
    private final CensusAnswers censusAnswers;
    private final ShortDatedScanner scanner;
    private final Replicas replicas;
    private final Ownership ownership;
    private final CrossNode crossNode;
    private final Traces traces;
    private final LotFlows lotFlows;

    @Activate
    public InventoryComponent(Config config, @Reference(target = InventorySchema.READY) SchemaReady schema,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference EventOutbox outbox,
            @Reference ProvinceRegistry provinces) {
        this(config, schema, audit, keys, outbox, provinces, Clock.systemDefaultZone());
    }

    /** For tests: a fixed or adjustable clock decides "today" for expiry and short-dated checks. */
    InventoryComponent(Config config, SchemaReady schema, AuditTrail audit, IdempotencyKeys keys,
            EventOutbox outbox, ProvinceRegistry provinces, Clock clock) {
        modified(config);
        Ledger ledger = new Ledger(schema.dataSource(), audit, keys, outbox, clock, () -> shortDatedDays, owners);
        Designations designations = new Designations(ledger, provinces);
        this.movements = new Movements(ledger, designations);
        this.bulkReceipts = new BulkReceipts(ledger, designations);
        this.ownership = new Ownership(owners);
        this.crossNode = new CrossNode(ledger, ownership);
        this.transfers = new Transfers(ledger, crossNode, designations);
        this.reservations = new Reservations(ledger, transfers, designations);
        this.availability = new Availability(ledger);
        this.lotStatuses = new LotStatuses(ledger);
        this.counts = new Counts(ledger);
        this.thresholds = new Thresholds(ledger);
        this.views = new Views(ledger);
        this.summaryViews = new SummaryViews(ledger);
        this.census = new CensusBook(ledger, provinces);
        this.censusAnswers = new CensusAnswers(ledger, census, provinces);
        this.scanner = new ShortDatedScanner(ledger, lotStatuses);
        this.replicas = new Replicas(ledger, schema.dataSource());
        this.traces = new Traces(ledger);
        this.lotFlows = new LotFlows(ledger);
    }

    /**
     * Federation's answer to "which node keeps this depot's ledger"; absent: this node keeps them all. Public
     * for the fixtures of bundles that run the real inventory.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindLedgerOwners(LedgerOwners ledgerOwners) {
        owners.set(ledgerOwners);
    }

    public void unbindLedgerOwners(LedgerOwners ledgerOwners) {
        owners.unset(ledgerOwners);
    }

    /** This node's identity: whose depots are whose (absent in unit tests: central). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindNodeIdentity(NodeIdentity node) {
        ownership.node(node);
    }

    public void unbindNodeIdentity(NodeIdentity node) {
        ownership.node(null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindCrossNodeTransferListener(CrossNodeTransferListener listener) {
        ownership.listeners.add(listener);
    }

    public void unbindCrossNodeTransferListener(CrossNodeTransferListener listener) {
        ownership.listeners.remove(listener);
    }

    // ShortDatedScan (internal)

    @Override
    public Result scan() {
        return scanner.scan();
    }

    @Modified
    void modified(Config config) {
        int days = config.shortDatedDays();
        if (days < 0) {
            LOG.error("shortDatedDays must be zero or more, not {}; using 90", days);
            days = 90;
        }
        shortDatedDays = days;
    }

    // InventoryService

    @Override
    public long available(Caller caller, long depotId, long itemId) {
        return availability.available(caller, depotId, itemId);
    }

    @Override
    public java.util.Map<Long, java.util.Map<Long, Long>> available(Caller caller, java.util.Collection<Long> depotIds,
            java.util.Collection<Long> itemIds) {
        return availability.available(caller, depotIds, itemIds);
    }

    @Override
    public Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder,
            String idempotencyKey) {
        return reservations.reserve(caller, depotId, itemId, quantity, holder, idempotencyKey);
    }

    @Override
    public long available(Caller caller, long depotId, long itemId, org.tongpao.inventory.Destination destination) {
        return availability.available(caller, depotId, itemId, destination);
    }

    @Override
    public List<org.tongpao.inventory.DesignatedStock> designated(Caller caller, java.util.Collection<Long> depotIds,
            java.util.Collection<Long> itemIds) {
        return availability.designated(caller, depotIds, itemIds);
    }

    @Override
    public Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder,
            org.tongpao.inventory.Destination destination, String idempotencyKey) {
        return reservations.reserve(caller, depotId, itemId, quantity, holder, destination, idempotencyKey);
    }

    @Override
    public Reservation release(Caller caller, long reservationId, String idempotencyKey) {
        return reservations.release(caller, reservationId, idempotencyKey);
    }

    @Override
    public Transfer dispatch(Caller caller, long reservationId, long toDepotId, String sourceDocument,
            String idempotencyKey) {
        return reservations.dispatch(caller, reservationId, toDepotId, sourceDocument, idempotencyKey, true);
    }

    @Override
    public Transfer dispatchToUnit(Caller caller, long reservationId, long toOrgUnitId, String sourceDocument,
            String idempotencyKey) {
        return reservations.dispatchToUnit(caller, reservationId, toOrgUnitId, sourceDocument, idempotencyKey);
    }

    @Override
    public Transfer dispatch(Caller caller, long reservationId, DispatchOrder order, String idempotencyKey) {
        if (order == null || order.toDepotId() == null) {
            throw new org.tongpao.core.ValidationException("toDepotId", "toDepotId is required");
        }
        return reservations.dispatch(caller, reservationId, order.toDepotId(), order.sourceDocument(),
                order.overrideReason(), idempotencyKey, false);
    }

    @Override
    public Transfer receiveTransfer(Caller caller, long transferId, long receivedQuantity, long damagedQuantity,
            String note, String idempotencyKey) {
        return transfers.receive(caller, transferId, receivedQuantity, damagedQuantity, note, idempotencyKey);
    }

    @Override
    public Transfer transfer(Caller caller, long transferId) {
        return transfers.transfer(caller, transferId);
    }

    @Override
    public Transfer returnTransfer(Caller caller, long transferId, String note, String idempotencyKey) {
        return transfers.returnToSender(caller, transferId, note, idempotencyKey);
    }

    // StockLedger

    @Override
    public Lot receive(Caller caller, NewReceipt receipt, String idempotencyKey) {
        return movements.receive(caller, receipt, idempotencyKey);
    }

    @Override
    public ReceivedLots receiveAll(Caller caller, List<NewReceipt> receipts, String idempotencyKey) {
        return bulkReceipts.receiveAll(caller, receipts, idempotencyKey);
    }

    @Override
    public void checkReceipts(Caller caller, List<NewReceipt> receipts) {
        bulkReceipts.checkReceipts(caller, receipts);
    }

    @Override
    public Posting issue(Caller caller, NewIssue issue, String idempotencyKey) {
        return movements.issue(caller, issue, idempotencyKey);
    }

    @Override
    public Transfer transferOut(Caller caller, NewTransfer transfer, String idempotencyKey) {
        return transfers.transferOut(caller, transfer, idempotencyKey);
    }

    @Override
    public Page<Transfer> transfers(Caller caller, Transfer.Status status, Long depotId, int limit, String cursor) {
        return views.transfers(caller, status, depotId, limit, cursor);
    }

    @Override
    public Posting adjust(Caller caller, NewAdjustment adjustment, String idempotencyKey) {
        return movements.adjust(caller, adjustment, idempotencyKey);
    }

    @Override
    public Posting writeOff(Caller caller, NewWriteOff writeOff, String idempotencyKey) {
        return movements.writeOff(caller, writeOff, idempotencyKey);
    }

    @Override
    public Lot lot(Caller caller, long lotId) {
        return lotStatuses.lot(caller, lotId);
    }

    @Override
    public Page<Lot> lots(Caller caller, Long depotId, Long itemId, LotStatus status, int limit, String cursor) {
        return views.lots(caller, depotId, itemId, status, limit, cursor);
    }

    @Override
    public Lot changeLotStatus(Caller caller, long lotId, LotStatusChange change, String idempotencyKey) {
        return lotStatuses.change(caller, lotId, change, idempotencyKey);
    }

    @Override
    public Posting posting(Caller caller, long postingId) {
        return views.posting(caller, postingId);
    }

    @Override
    public Page<Movement> movements(Caller caller, MovementFilter filter, int limit, String cursor) {
        return views.movements(caller, filter, limit, cursor);
    }

    @Override
    public Page<StockBalance> balances(Caller caller, BalanceFilter filter, int limit, String cursor) {
        return views.balances(caller, filter, limit, cursor);
    }

    @Override
    public List<org.tongpao.inventory.Balance> lotBalances(Caller caller, Long depotId, long itemId) {
        return views.lotBalances(caller, depotId, itemId);
    }

    @Override
    public List<ProvinceStock> nationalStock(Caller caller, String categoryCode) {
        return views.nationalStock(caller, categoryCode);
    }

    @Override
    public List<org.tongpao.inventory.ItemStock> itemStock(Caller caller) {
        return summaryViews.itemStock(caller);
    }

    @Override
    public org.tongpao.inventory.StockSnapshot stock(Caller caller) {
        return views.stock(caller);
    }

    @Override
    public List<org.tongpao.inventory.ExpiryStock> earliestExpiry(Caller caller) {
        return summaryViews.earliestExpiry(caller);
    }

    @Override
    public List<org.tongpao.inventory.ExpiryStock> expiringBefore(Caller caller, java.time.LocalDate before) {
        return summaryViews.expiringBefore(caller, before);
    }

    @Override
    public List<org.tongpao.inventory.MovementTotal> movementTotals(Caller caller, java.time.Instant from,
            java.time.Instant asOf) {
        return summaryViews.movementTotals(caller, from, asOf);
    }

    @Override
    public Reservation reservation(Caller caller, long reservationId) {
        return reservations.reservation(caller, reservationId);
    }

    @Override
    public org.tongpao.inventory.LotTrace trace(Caller caller, long lotId) {
        return traces.trace(caller, lotId);
    }

    /** For tests: the bound of a whole trace (5,000 lots), lowered so a test need not write that many. */
    void maxTraceLots(int n) {
        traces.maxLots(n);
    }

    @Override
    public org.tongpao.inventory.LotTrace trace(Caller caller, long lotId, int limit, String cursor) {
        return traces.trace(caller, lotId, limit, cursor);
    }

    @Override
    public List<org.tongpao.inventory.LotOnward> onward(Caller caller, java.util.Collection<Long> lotIds,
            java.time.Instant from, java.time.Instant to) {
        return lotFlows.onward(caller, lotIds, from, to);
    }

    @Override
    public Page<org.tongpao.inventory.Provenance> receivedBy(Caller caller, long orgUnitId, int limit, String cursor) {
        return traces.receivedBy(caller, orgUnitId, limit, cursor);
    }

    @Override
    public List<org.tongpao.inventory.Provenance> origins(Caller caller, long postingId) {
        return traces.origins(caller, postingId);
    }

    @Override
    public List<org.tongpao.inventory.Provenance> transferOrigins(Caller caller, long transferId) {
        return traces.transferOrigins(caller, transferId);
    }

    @Override
    public CountResult count(Caller caller, NewCount count, String idempotencyKey) {
        return counts.count(caller, count, idempotencyKey);
    }

    @Override
    public List<Threshold> thresholds(Caller caller, Long depotId, Long itemId) {
        return views.thresholds(caller, depotId, itemId);
    }

    @Override
    public Threshold setThreshold(Caller caller, Threshold threshold, String idempotencyKey) {
        return thresholds.set(caller, threshold, idempotencyKey);
    }

    // ReplicaLedger

    @Override
    public boolean apply(Caller sender, ReplicaPosting posting) {
        return replicas.apply(sender, posting);
    }

    // CrossNodeTransfers

    @Override
    public CrossNodeTransfer accept(Caller sender, CrossNodeTransfer dispatched) {
        return crossNode.accept(sender, dispatched, ownership.listeners);
    }

    @Override
    public CrossNodeTransfer receipt(Caller receiver, String id, List<CrossNodeTransfer.Line> lines,
            java.time.Instant receivedAt) {
        return crossNode.receipt(receiver, id, lines, receivedAt, ownership.listeners);
    }

    @Override
    public CrossNodeTransfer crossNodeTransfer(Caller caller, String id) {
        return crossNode.get(caller, id);
    }

    @Override
    public Page<CrossNodeTransfer> crossNodeTransfers(Caller caller, Transfer.Status status, int limit,
            String cursor) {
        return crossNode.list(caller, status, limit, cursor);
    }

    // ReserveCensus

    @Override
    public Census open(Caller caller, NewCensus newCensus, String idempotencyKey) {
        return census.open(caller, newCensus, idempotencyKey);
    }

    @Override
    public Census get(Caller caller, long censusId) {
        return census.get(caller, censusId);
    }

    @Override
    public Page<Census> list(Caller caller, int limit, String cursor) {
        return census.list(caller, limit, cursor);
    }

    @Override
    public Census submit(Caller caller, long censusId, String provinceCode, CensusSubmission submission,
            String idempotencyKey) {
        return census.submit(caller, censusId, provinceCode, submission, idempotencyKey);
    }

    @Override
    public Census openReplica(Caller caller, String source, NewCensus newCensus) {
        return censusAnswers.openReplica(caller, source, newCensus);
    }

    @Override
    public Census recordAnswer(Caller caller, long censusId, CensusAnswer answer) {
        return censusAnswers.recordAnswer(caller, censusId, answer);
    }
}
