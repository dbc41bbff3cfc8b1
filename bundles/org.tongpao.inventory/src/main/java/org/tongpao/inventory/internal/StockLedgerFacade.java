package org.tongpao.inventory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.inventory.Balance;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.CountResult;
import org.tongpao.inventory.ExpiryStock;
import org.tongpao.inventory.ItemStock;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOnward;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.LotTrace;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementTotal;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Provenance;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.ReceivedLots;
import org.tongpao.inventory.RecentStock;
import org.tongpao.inventory.StockAsOf;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.StockBalance;
import org.tongpao.inventory.StockLedger;
import org.tongpao.inventory.StockSnapshot;
import org.tongpao.inventory.Threshold;
import org.tongpao.inventory.Transfer;

/**
 * The {@link StockLedger} side of the inventory component: each write and read handed to the operation that does
 * it. The component ({@link InventoryComponent}) adds the other services, the configuration and the references.
 */
abstract class StockLedgerFacade implements StockLedger {
    final Operations ops;

    StockLedgerFacade(Operations ops) {
        this.ops = ops;
    }

    @Override
    public Lot receive(Caller caller, NewReceipt receipt, String idempotencyKey) {
        return ops.movements.receive(caller, receipt, idempotencyKey);
    }

    @Override
    public ReceivedLots receiveAll(Caller caller, List<NewReceipt> receipts, String idempotencyKey) {
        return ops.bulkReceipts.receiveAll(caller, receipts, idempotencyKey);
    }

    @Override
    public void checkReceipts(Caller caller, List<NewReceipt> receipts) {
        ops.bulkReceipts.checkReceipts(caller, receipts);
    }

    @Override
    public Posting issue(Caller caller, NewIssue issue, String idempotencyKey) {
        return ops.movements.issue(caller, issue, idempotencyKey);
    }

    @Override
    public Transfer transferOut(Caller caller, NewTransfer transfer, String idempotencyKey) {
        return ops.transfers.transferOut(caller, transfer, idempotencyKey);
    }

    @Override
    public Page<Transfer> transfers(Caller caller, Transfer.Status status, Long depotId, int limit, String cursor) {
        return ops.views.transfers(caller, status, depotId, limit, cursor);
    }

    @Override
    public Posting adjust(Caller caller, NewAdjustment adjustment, String idempotencyKey) {
        return ops.movements.adjust(caller, adjustment, idempotencyKey);
    }

    @Override
    public Posting writeOff(Caller caller, NewWriteOff writeOff, String idempotencyKey) {
        return ops.movements.writeOff(caller, writeOff, idempotencyKey);
    }

    @Override
    public Lot lot(Caller caller, long lotId) {
        return ops.lotStatuses.lot(caller, lotId);
    }

    @Override
    public Page<Lot> lots(Caller caller, Long depotId, Long itemId, LotStatus status, int limit, String cursor) {
        return ops.views.lots(caller, depotId, itemId, status, limit, cursor);
    }

    @Override
    public Lot changeLotStatus(Caller caller, long lotId, LotStatusChange change, String idempotencyKey) {
        return ops.lotStatuses.change(caller, lotId, change, idempotencyKey);
    }

    @Override
    public Posting posting(Caller caller, long postingId) {
        return ops.views.posting(caller, postingId);
    }

    @Override
    public Page<Movement> movements(Caller caller, MovementFilter filter, int limit, String cursor) {
        return ops.views.movements(caller, filter, limit, cursor);
    }

    @Override
    public Page<StockBalance> balances(Caller caller, BalanceFilter filter, int limit, String cursor) {
        return ops.views.balances(caller, filter, limit, cursor);
    }

    @Override
    public List<Balance> lotBalances(Caller caller, Long depotId, long itemId) {
        return ops.views.lotBalances(caller, depotId, itemId);
    }

    @Override
    public List<ProvinceStock> nationalStock(Caller caller, String categoryCode) {
        return ops.views.nationalStock(caller, categoryCode);
    }

    @Override
    public List<ItemStock> itemStock(Caller caller) {
        return ops.summaryViews.itemStock(caller);
    }

    @Override
    public StockSnapshot stock(Caller caller) {
        return ops.views.stock(caller);
    }

    @Override
    public List<ExpiryStock> earliestExpiry(Caller caller) {
        return ops.summaryViews.earliestExpiry(caller);
    }

    @Override
    public List<ExpiryStock> expiringBefore(Caller caller, LocalDate before) {
        return ops.summaryViews.expiringBefore(caller, before);
    }

    @Override
    public List<MovementTotal> movementTotals(Caller caller, Instant from, Instant asOf) {
        return ops.summaryViews.movementTotals(caller, from, asOf);
    }

    @Override
    public StockAsOf stockAsOf(Caller caller, Instant from, Instant asOf) {
        return ops.summaryViews.stockAsOf(caller, from, asOf);
    }

    @Override
    public RecentStock recentStock(Caller caller, Instant from) {
        return ops.summaryViews.recentStock(caller, from);
    }

    @Override
    public Reservation reservation(Caller caller, long reservationId) {
        return ops.reservations.reservation(caller, reservationId);
    }

    @Override
    public LotTrace trace(Caller caller, long lotId) {
        return ops.traces.trace(caller, lotId);
    }

    /** For tests: the bound of a whole trace (5,000 lots), lowered so a test need not write that many. */
    void maxTraceLots(int n) {
        ops.traces.maxLots(n);
    }

    @Override
    public LotTrace trace(Caller caller, long lotId, int limit, String cursor) {
        return ops.traces.trace(caller, lotId, limit, cursor);
    }

    @Override
    public List<LotOnward> onward(Caller caller, Collection<Long> lotIds, Instant from, Instant to) {
        return ops.lotFlows.onward(caller, lotIds, from, to);
    }

    @Override
    public Page<Provenance> receivedBy(Caller caller, long orgUnitId, int limit, String cursor) {
        return ops.traces.receivedBy(caller, orgUnitId, limit, cursor);
    }

    @Override
    public List<Provenance> origins(Caller caller, long postingId) {
        return ops.traces.origins(caller, postingId);
    }

    @Override
    public List<Provenance> transferOrigins(Caller caller, long transferId) {
        return ops.traces.transferOrigins(caller, transferId);
    }

    @Override
    public CountResult count(Caller caller, NewCount count, String idempotencyKey) {
        return ops.counts.count(caller, count, idempotencyKey);
    }

    @Override
    public List<Threshold> thresholds(Caller caller, Long depotId, Long itemId) {
        return ops.views.thresholds(caller, depotId, itemId);
    }

    @Override
    public Threshold setThreshold(Caller caller, Threshold threshold, String idempotencyKey) {
        return ops.thresholds.set(caller, threshold, idempotencyKey);
    }
}
