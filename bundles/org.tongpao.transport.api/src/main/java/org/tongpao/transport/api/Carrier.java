package org.tongpao.transport.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A transport partner's service. Register an implementation as an OSGi service with the property
 * {@value #ID_PROPERTY} (a short stable id such as {@code express}); Tongpao picks it up and drops it as
 * it comes and goes.
 *
 * <p>Tongpao calls these methods from its own worker threads with a time limit (a few seconds; see
 * {@code docs/partners.md}); a call that throws, hangs or returns a value breaking the contract counts
 * against this carrier only. Implementations must be thread-safe.
 */
@ConsumerType
public interface Carrier {

    /** Service property: the carrier's id, matching {@link #ID_PATTERN}. */
    String ID_PROPERTY = "tongpao.carrier.id";

    /** A carrier id: 1–32 lower-case letters, digits or '-', starting with a letter or digit. */
    String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,31}";

    /** What the carrier offers; called when it registers and whenever Tongpao shows it. */
    CarrierProfile profile();

    /** Prices an order without committing to it. */
    Quote quote(ShipmentOrder order) throws CarrierException;

    /**
     * Prices an order, told what its destination is (a depot or a front-line unit, its area, its key area). Tongpao
     * calls this one; a carrier built against 1.0 or 1.1 is answered by the default, its {@link #quote(ShipmentOrder)}.
     *
     * @since 1.2
     */
    default Quote quote(ShipmentOrder order, Destination destination) throws CarrierException {
        return quote(order);
    }

    /**
     * Books an order and returns the waybill. Must be idempotent per {@link ShipmentOrder#shipmentRef()}:
     * a repeat returns the first booking.
     */
    Booking book(ShipmentOrder order) throws CarrierException;

    /**
     * Books an order, told what its destination is; idempotent per {@link ShipmentOrder#shipmentRef()} like
     * {@link #book(ShipmentOrder)}, which the default calls (so a carrier built against 1.0 or 1.1 books as before).
     *
     * @since 1.2
     */
    default Booking book(ShipmentOrder order, Destination destination) throws CarrierException {
        return book(order);
    }

    /**
     * Cancels a booking that has not been picked up. Cancelling a booking already cancelled succeeds; an
     * unknown waybill, or goods already picked up, is a non-retryable {@link CarrierException}.
     */
    void cancel(String waybill, String reason) throws CarrierException;

    /**
     * The events for a waybill so far, oldest first (for {@link TrackingMode#PULL}); a push-only carrier
     * returns an empty list. An unknown waybill is a non-retryable {@link CarrierException}.
     */
    List<TrackingEvent> track(String waybill) throws CarrierException;
}
