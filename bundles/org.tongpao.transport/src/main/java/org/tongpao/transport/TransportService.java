package org.tongpao.transport;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.TrackingEvent;

/**
 * Carriers and shipments. Ministry roles see and act on everything; a province officer on shipments
 * from or to its province; a depot keeper reads those of its depot; a partner account
 * ({@code partner} + {@code partner-<carrierId>}) reads its own carrier's shipments and pushes their
 * tracking; auditors read. Every write takes an idempotency key.
 */
@ProviderType
public interface TransportService {

    List<CarrierInfo> carriers(Caller caller);

    CarrierInfo carrier(Caller caller, String carrierId);

    /** Sets the ministry's contract with a carrier (ministry-admin); applies to bookings made after it. */
    CarrierInfo setContract(Caller caller, String carrierId, ServicePromise promise, String idempotencyKey);

    /**
     * Asks every available carrier for a quote at once (each within its time limit) so an officer can
     * compare them; cheapest first, carriers without a quote last with the reason.
     */
    List<CarrierQuote> quotes(Caller caller, QuoteRequest request);

    Page<Shipment> shipments(Caller caller, ShipmentFilter filter, int limit, String cursor);

    Shipment shipment(Caller caller, long id);

    List<ShipmentEvent> events(Caller caller, long shipmentId);

    /** Creates a shipment and books it with the carrier; a carrier failure leaves it BOOKING_FAILED. */
    Shipment book(Caller caller, NewShipment command, String idempotencyKey);

    /** Retries a BOOKING_FAILED shipment, with another carrier when {@code carrierId} is given. */
    Shipment rebook(Caller caller, long id, String carrierId, String idempotencyKey);

    Shipment cancel(Caller caller, long id, String reason, String idempotencyKey);

    Shipment attachPass(Caller caller, long id, EntryPass pass, String idempotencyKey);

    /**
     * Hands the goods over: checks the entry pass of a key-area shipment and dispatches its batch lines (only
     * those between its two depots; the rest of the batch waits for its own shipments). Status DISPATCHED.
     */
    Shipment dispatch(Caller caller, long id, String idempotencyKey);

    /** Tracking entered by staff (e.g. the police's own fleet, dispatched by hand). */
    TrackingReceipt record(Caller caller, long id, List<TrackingEvent> events);

    /** Tracking pushed by a partner account for its own carrier's waybills. */
    TrackingReceipt push(Caller caller, String carrierId, List<TrackingEvent> events);

    /**
     * The receiving side confirms the goods; for a batch shipment the lines go into inventory through the
     * batch's receipt, with its per-line received and damaged quantities (every line not yet received, in
     * full, when {@code lines} is empty). Implies delivery if the carrier has not reported it; RECEIVED once
     * every line it carries is (lines received through the batch count too).
     */
    Shipment receive(Caller caller, long id, List<LineReceipt> lines, String idempotencyKey);

    /**
     * The ministry recalls goods handed over and not yet delivered: the carrier is asked to cancel (its refusal
     * is recorded, not obeyed), the shipment is RETURNING and the SLA clock stops without blaming the carrier.
     *
     * @since 1.3
     */
    Shipment recall(Caller caller, long id, String reason, String idempotencyKey);

    /** The return of a shipment (404 if it has none). @since 1.3 */
    ShipmentReturn shipmentReturn(Caller caller, long id);

    /**
     * The sending depot takes returned goods back: each batch line's transfer comes back into its stock (a
     * transfer-in tied to the original transfer), the lines are RETURNED; the shipment is RETURNED.
     *
     * @since 1.3
     */
    Shipment receiveReturn(Caller caller, long id, String note, String idempotencyKey);

    /**
     * Carries returning goods on with another carrier: a new shipment for the same lines, booked and handed over
     * at once (the goods stay in transit); the returned one is RETURNED with outcome REBOOKED. Answers the new one.
     *
     * @since 1.3
     */
    Shipment rebookReturn(Caller caller, long id, String carrierId, String idempotencyKey);

    /**
     * Tracking pushed for waybills no shipment has yet, oldest first: ministry roles and auditors see every
     * carrier's, a partner account only its own carrier's.
     *
     * @since 1.3
     */
    Page<UnmatchedEvent> unmatched(Caller caller, String carrierId, int limit, String cursor);
}
