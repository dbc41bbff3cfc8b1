package org.tongpao.inventory;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * The rest of the inventory API beside {@link InventoryService}: receipts, issues, direct transfers,
 * adjustments, write-offs, lot status, counts, thresholds and the read views. Same rules: one transaction
 * per write with its ledger rows, balances, audit row and Idempotency-Key record; scope per
 * {@link org.tongpao.core.ScopeRules} (depot keepers: their own depot); a write that would make a balance
 * negative is a {@link org.tongpao.core.ConflictException} and changes nothing.
 */
@ProviderType
public interface StockLedger {

    Lot receive(Caller caller, NewReceipt receipt, String idempotencyKey);

    /**
     * Many receipts in one transaction (1.9): each a new lot with its balance and RECEIPT movement, under the rules
     * of {@link #receive}, written with JDBC batches; one posting per depot (in the order the depots first appear),
     * one audit row and its MOVEMENT events per posting, the summaries folded once. Every receipt is checked before
     * anything is written: any bad one refuses all with {@link ReceiptsRefusedException}, naming each. One
     * Idempotency-Key covers the whole list (a repeat answers the first result and writes nothing). While it writes,
     * other writers of lots wait (the ids of the new lots are read back under a table lock).
     *
     * @since 1.9
     */
    ReceivedLots receiveAll(Caller caller, List<NewReceipt> receipts, String idempotencyKey);

    /**
     * The checks of {@link #receiveAll} without the write (1.9): returns when every receipt would be received, else
     * throws {@link ReceiptsRefusedException} naming each bad one. For a caller that refuses a whole file.
     *
     * @since 1.9
     */
    void checkReceipts(Caller caller, List<NewReceipt> receipts);

    Posting issue(Caller caller, NewIssue issue, String idempotencyKey);

    Transfer transferOut(Caller caller, NewTransfer transfer, String idempotencyKey);

    /** Transfers touching depots the caller sees; every filter may be null. */
    Page<Transfer> transfers(Caller caller, Transfer.Status status, Long depotId, int limit, String cursor);

    Posting adjust(Caller caller, NewAdjustment adjustment, String idempotencyKey);

    Posting writeOff(Caller caller, NewWriteOff writeOff, String idempotencyKey);

    Lot lot(Caller caller, long lotId);

    Page<Lot> lots(Caller caller, Long depotId, Long itemId, LotStatus status, int limit, String cursor);

    Lot changeLotStatus(Caller caller, long lotId, LotStatusChange change, String idempotencyKey);

    Posting posting(Caller caller, long postingId);

    Page<Movement> movements(Caller caller, MovementFilter filter, int limit, String cursor);

    Page<StockBalance> balances(Caller caller, BalanceFilter filter, int limit, String cursor);

    /**
     * Every lot of an item with stock on hand, in the given depot or (null) in every depot the caller sees,
     * first-expiry-first-out; {@code available} is 0 for lots that cannot be issued. At most 5,000 rows.
     */
    List<Balance> lotBalances(Caller caller, Long depotId, long itemId);

    /**
     * National stock by province × category (optionally one category), within the caller's scope. Read from
     * the balances, so its cost follows the number of lots, never the length of the ledger.
     */
    List<ProvinceStock> nationalStock(Caller caller, String categoryCode);

    /**
     * Stock per province × item within the caller's scope (1.7), from the summary kept in every movement's
     * transaction: its cost follows provinces × items, never the number of depots, lots or movements. A depot
     * keeper's scope is summed from their depot's balances.
     *
     * @since 1.7
     */
    List<ItemStock> itemStock(Caller caller);

    /**
     * {@link #nationalStock} of every category and {@link #itemStock} together (1.8), in one read transaction that
     * reads the item summary once: for a report that shows both.
     *
     * @since 1.8
     */
    StockSnapshot stock(Caller caller);

    /**
     * Each province × item's earliest expiry date among lots with stock on hand, and the stock on hand expiring that
     * day, within the caller's scope (1.10): for issuing first-expiring stock and for seeing stock about to be lost.
     * Kept with the province × item summary in every movement's transaction, so its cost follows provinces × items,
     * never lots or movements; a lot emptied moves it on to the next day. A date before today is expired stock not yet
     * written off. Items without dated lots are not listed.
     *
     * @since 1.10
     */
    List<ExpiryStock> earliestExpiry(Caller caller);

    /**
     * Stock on hand per province × item × expiry day for every day before {@code before} (exclusive), within the
     * caller's scope (1.10): "expiring within N days" is {@code before = today + N + 1}; days before today are
     * expired stock still on hand. Read by the summary's day index: the cost follows the rows returned.
     *
     * @since 1.10
     */
    List<ExpiryStock> expiringBefore(Caller caller, java.time.LocalDate before);

    /**
     * Movement sums per province × item × type before {@code from} and in [{@code from}, {@code asOf}) within the
     * caller's scope (1.7): whole past days from the daily summary, the rest from the ledger, nothing at or after
     * {@code asOf}, so the same {@code asOf} gives the same answer on any later call.
     *
     * @since 1.7
     */
    List<MovementTotal> movementTotals(Caller caller, java.time.Instant from, java.time.Instant asOf);

    /**
     * On hand per province × item at {@code asOf} and the movement sums in [{@code from}, {@code asOf}) within the
     * caller's scope (1.12), in one read: the same answer as {@link #movementTotals} (on hand = before + during over
     * the types) for any later call with the same {@code asOf}, but read from the stock summary less the movements
     * since {@code asOf} and the window's days, so its cost follows the time since {@code from}, not the history.
     * {@code from} must not be after {@code asOf}.
     *
     * @since 1.12
     */
    StockAsOf stockAsOf(Caller caller, java.time.Instant from, java.time.Instant asOf);

    /**
     * {@link #itemStock}, the movement sums from {@code from} up to this read (as {@link #movementTotals}' {@code during};
     * {@code before} is 0) and the transfers in transit, read together in one transaction (1.11): for a report that
     * needs all three (the cover report), one connection and one commit instead of three reads, and neither the days
     * before {@code from} nor a cut-off inside today read. {@code from} must not be after now.
     *
     * @since 1.11
     */
    RecentStock recentStock(Caller caller, java.time.Instant from);

    Reservation reservation(Caller caller, long reservationId);

    /**
     * Dispatches a held reservation on the caller's own authority (the REST API): the destination must be in
     * the reservation depot's province unless the caller holds a ministry role; another one answers like an
     * unknown depot (404 naming {@code toDepotId}). {@link InventoryService#dispatch} is for routes an
     * approved allocation batch authorised, which may cross provinces.
     *
     * @since 1.2
     */
    Transfer dispatch(Caller caller, long reservationId, DispatchOrder order, String idempotencyKey);

    /**
     * Where a lot's goods went (1.6): the lot, its ancestors, every lot derived from it through transfers, their
     * movements, the transfers with their source documents, designation overrides and the units that received
     * the goods. The lot must be visible to the caller (else 404, as {@link #lot}); the lots derived from it are
     * shown wherever they went, since they are the same goods.
     *
     * @since 1.6
     */
    LotTrace trace(Caller caller, long lotId);

    /**
     * {@link #trace} a page at a time (1.7), for lots split into more lots than one answer should hold (the whole
     * trace refuses more than 5,000 with 409): {@code lots} holds at most {@code limit} of the lot's derived lots
     * (id order, the lot itself first) and the movements, transfers, overrides and receivers are those of that
     * page's lots (a unit's receipts are summed within the page: add them up across pages);
     * {@code LotTrace.nextCursor} names the next page, null on the last. Ancestors come with every page.
     *
     * @since 1.7
     */
    LotTrace trace(Caller caller, long lotId, int limit, String cursor);

    /**
     * For each of {@code lotIds} (1.9), what went onward in {@code [from, to)}: the same sums as adding up each lot's
     * {@link #trace}, read grouped over all the lots at once (one statement per level of derivation and per 500 lots),
     * not one trace per lot. Lots unknown or not visible to the caller are left out; one answer per lot, in id order.
     *
     * @since 1.9
     */
    java.util.List<LotOnward> onward(Caller caller, java.util.Collection<Long> lotIds, java.time.Instant from,
            java.time.Instant to);

    /**
     * The reverse of {@link #trace} (1.6): what an org unit received for use (ISSUE movements naming it, in the
     * order they were booked), each back to its root lot with origin and source document. The unit must be within the caller's
     * read reach (its province, or any for ministry roles and auditors; else 404 naming the unit).
     *
     * @since 1.6
     */
    Page<Provenance> receivedBy(Caller caller, long orgUnitId, int limit, String cursor);

    /**
     * The movements of one posting (e.g. a delivery to a unit, an issue, a transfer-out), each back to its root lot
     * (1.6); the posting must be visible as for {@link #posting}.
     *
     * @since 1.6
     */
    List<Provenance> origins(Caller caller, long postingId);

    /** The transfer-out movements of one transfer back to their root lots (1.6), visible as {@link #transfer}. @since 1.6 */
    List<Provenance> transferOrigins(Caller caller, long transferId);

    CountResult count(Caller caller, NewCount count, String idempotencyKey);

    List<Threshold> thresholds(Caller caller, Long depotId, Long itemId);

    Threshold setThreshold(Caller caller, Threshold threshold, String idempotencyKey);
}
