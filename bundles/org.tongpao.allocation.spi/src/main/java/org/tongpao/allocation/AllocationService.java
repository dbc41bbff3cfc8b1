package org.tongpao.allocation;

import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * Plans, batches and mutual aid. Ministry roles plan nationally; a province officer plans within its
 * own province (its needs, its depots). Approval needs a different person than the planner:
 * {@code ministry-admin} for a national plan, or a second officer of the same province for a province's
 * own plan. Approval reserves every line all-or-nothing (409 naming the refused line). Dispatch and
 * receipt go through the inventory; a repeat with the same Idempotency-Key counts once.
 */
@ProviderType
public interface AllocationService {

    Plan propose(Caller caller, PlanRequest request, String idempotencyKey);

    Plan plan(Caller caller, long id);

    Page<Plan> plans(Caller caller, PlanStatus status, int limit, String cursor);

    /** Approves a DRAFT plan: reserves every line and returns the new batch. */
    Batch approve(Caller caller, long planId, String idempotencyKey);

    Plan reject(Caller caller, long planId, String note, String idempotencyKey);

    Page<Batch> batches(Caller caller, BatchStatus status, int limit, String cursor);

    Batch batch(Caller caller, long id);

    /** Turns every line's reservation not yet dispatched into a transfer to its receiving depot. */
    Batch dispatch(Caller caller, long batchId, String idempotencyKey);

    /**
     * Dispatches only the lines from {@code fromDepotId} to {@code toDepotId} (the goods of one shipment);
     * the batch is PARTLY_DISPATCHED until every line has left, then DISPATCHED. Lines already dispatched
     * count as done, so a retry, or a shipment of lines dispatched earlier through the batch, answers the batch.
     *
     * @since 1.1
     */
    Batch dispatchLines(Caller caller, long batchId, long fromDepotId, long toDepotId, String idempotencyKey);

    /**
     * As {@link #dispatchLines}, for the lines from {@code fromDepotId} to the org unit {@code toOrgUnitId} (a
     * front-line station without a depot): their goods are in transit to the unit until its proof of delivery,
     * which {@link #receive} records and the inventory issues to the unit.
     *
     * @since 1.4
     */
    Batch dispatchLinesToUnit(Caller caller, long batchId, long fromDepotId, long toOrgUnitId, String idempotencyKey);

    /**
     * The receiving depot confirms lines (shortfall and damage are recorded by the inventory); for a line to an
     * org unit (1.4) this is the proof of delivery at the unit, by ministry roles or an officer of its province.
     */
    Batch receive(Caller caller, long batchId, List<LineReceipt> receipts, String idempotencyKey);

    /**
     * The goods of the given lines (one shipment's: one sending depot) still in transit come back into the sending
     * depot (their carrier cancelled or returned them, or they were recalled): each transfer returns through the
     * inventory, the line is RETURNED with {@code note} as its reason. Lines returned or received already are left
     * as they are; a line id not of this batch is a 400 naming {@code lineIds}.
     *
     * @since 1.4
     */
    Batch returnLines(Caller caller, long batchId, Collection<Long> lineIds, String note, String idempotencyKey);

    /**
     * Records on the given lines still in transit why they travel on differently (e.g. re-booked with another
     * carrier after a return): {@code note} becomes their reason.
     *
     * @since 1.4
     */
    Batch noteLines(Caller caller, long batchId, Collection<Long> lineIds, String note, String idempotencyKey);

    MutualAidOffer offer(Caller caller, NewMutualAidOffer command, String idempotencyKey);

    Page<MutualAidOffer> offers(Caller caller, OfferStatus status, int limit, String cursor);

    MutualAidOffer getOffer(Caller caller, long id);

    /** Ministry-admin brokers the offer into a batch between the two provinces' depots. */
    Batch approveOffer(Caller caller, long offerId, OfferApproval approval, String idempotencyKey);

    MutualAidOffer rejectOffer(Caller caller, long offerId, String note, String idempotencyKey);
}
