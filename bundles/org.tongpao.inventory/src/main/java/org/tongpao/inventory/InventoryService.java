package org.tongpao.inventory;

import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;

/**
 * The part of the inventory API that other capability bundles rely on (allocation, transport, procurement,
 * donation). Every write runs in one transaction with its ledger rows, balances, audit row and
 * idempotency record; a repeat with the same key returns the first result. Scope rules of
 * {@link org.tongpao.core.ScopeRules} apply to the caller. Not enough available stock → 409. Designated lots
 * ({@link Designation}, 1.6) leave a depot only for a destination their designation allows: a dispatch of a
 * reservation holding such a lot elsewhere is a 409 naming the designation.
 */
@ProviderType
public interface InventoryService {

    /** Stock a depot can give for an item now: AVAILABLE, unexpired lots, on hand minus reserved. */
    long available(Caller caller, long depotId, long itemId);

    /**
     * {@link #available(Caller, long, long)} for many depots and items in one read (a planner asks this
     * instead of one call per depot × item): item id → depot id → available, listing only pairs with more
     * than 0. Depots that are unknown, inactive or outside the caller's read scope are left out, not refused.
     * At most 10,000 depots and 10,000 items per call (400 naming {@code depotIds} or {@code itemIds}).
     *
     * @since 1.1
     */
    Map<Long, Map<Long, Long>> available(Caller caller, Collection<Long> depotIds, Collection<Long> itemIds);

    /**
     * {@link #available(Caller, long, long)} for one destination (1.6): only lots whose {@link Designation} allows
     * the destination count. The destination must exist (404 naming {@code depotId} or {@code orgUnitId}).
     *
     * @since 1.6
     */
    long available(Caller caller, long depotId, long itemId, Destination destination);

    /**
     * The designated part of {@link #available(Caller, Collection, Collection)} (1.6): per depot × item × designation,
     * only rows above 0, the same depots left out and the same limits. A planner counts designated stock only for
     * needs inside its designation ({@link Designation#allows}); the rest of {@code available} is free for any.
     *
     * @since 1.6
     */
    java.util.List<DesignatedStock> designated(Caller caller, Collection<Long> depotIds, Collection<Long> itemIds);

    /** Holds stock first-expiry-first-out for {@code holder}; all or nothing. */
    Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder, String idempotencyKey);

    /**
     * As {@link #reserve(Caller, long, long, long, String, String)}, for stock going to {@code destination} (1.6):
     * first-expiry-first-out over the lots whose designation allows it, skipping the others; not enough of those is
     * a 409. Dispatching the reservation elsewhere is then refused for a designated lot it holds.
     *
     * @since 1.6
     */
    Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder, Destination destination,
            String idempotencyKey);

    /** Gives held stock back to {@code available}. */
    Reservation release(Caller caller, long reservationId, String idempotencyKey);

    /**
     * Turns a held reservation into transfer-out movements: the goods are in transit to {@code toDepotId}, any
     * existing depot (a route an approved allocation batch authorised; the caller must still be able to change
     * the reservation's depot). A dispatch on a person's own authority goes through
     * {@link StockLedger#dispatch(Caller, long, DispatchOrder, String)}, which keeps within the province.
     */
    Transfer dispatch(Caller caller, long reservationId, long toDepotId, String sourceDocument, String idempotencyKey);

    /**
     * As {@link #dispatch(Caller, long, long, String, String)}, to an org unit that has no depot (a front-line
     * station; a route an approved allocation batch authorised): the goods are in transit from the reservation's
     * depot, and {@link #receiveTransfer} at the unit issues them to it. The unit must be active; one in a
     * province whose depots another node keeps is a 409 naming {@code toOrgUnitId}.
     *
     * @since 1.5
     */
    Transfer dispatchToUnit(Caller caller, long reservationId, long toOrgUnitId, String sourceDocument,
            String idempotencyKey);

    /**
     * The receiving depot confirms a transfer: transfer-in of {@code receivedQuantity} (new lots at the
     * destination keep origin TRANSFER, expiry and source); {@code damagedQuantity} of those is written off;
     * the shortfall (sent − received) is recorded as a LOSS adjustment against the transfer. For a transfer to an
     * org unit (1.5, the proof of delivery at the unit, by a writer of the unit's province) everything sent comes
     * off the transit account at the sending depot (TRANSFER_IN to its source lots), the usable goods are an ISSUE
     * to the unit, the shortfall a LOSS adjustment and the damage a DAMAGED write-off there: no depot holds them.
     */
    Transfer receiveTransfer(Caller caller, long transferId, long receivedQuantity, long damagedQuantity, String note,
            String idempotencyKey);

    Transfer transfer(Caller caller, long transferId);

    /**
     * Goods in transit come back to the depot that sent them (a carrier cancelled after hand-over, or the goods
     * were recalled): TRANSFER_IN at the sending depot into the very lots they left, tied to the transfer, which is
     * then RETURNED and can no longer be received. Needs write scope on the sending depot; a transfer that is not
     * in transit, or whose other end is on another node, is a 409.
     *
     * @since 1.5
     */
    Transfer returnTransfer(Caller caller, long transferId, String note, String idempotencyKey);
}
