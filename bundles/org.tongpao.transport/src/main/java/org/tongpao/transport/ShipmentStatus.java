package org.tongpao.transport;

/**
 * BOOKING_FAILED when the carrier refused or failed the booking (retry with {@code book}); BOOKED with a
 * waybill; DISPATCHED once the goods were handed over (their batch lines in transit) and until the carrier
 * reports pick-up or later; then the carrier's reported progress; CANCELLED before pick-up; RECEIVED once the
 * receiving depot confirmed the goods into inventory (through the shipment or its batch). Since 1.3, goods handed
 * over come back: RETURNING when the carrier reported CANCELLED or RETURNED after hand-over or the ministry recalled
 * them, RETURNED once they are back in the sending depot's stock or carried on by another shipment.
 */
public enum ShipmentStatus {
    BOOKING_FAILED, BOOKED, ACCEPTED, PICKED_UP, IN_TRANSIT, AT_CHECKPOINT, EXCEPTION, DELIVERED, CANCELLED, RECEIVED,
    /** @since 1.1 */
    DISPATCHED,
    /** @since 1.3 */
    RETURNING,
    /** @since 1.3 */
    RETURNED;

    /** Whether the shipment is still moving (the SLA clock runs and tracking is pulled). */
    public boolean isOpen() {
        return this != BOOKING_FAILED && this != DELIVERED && this != CANCELLED && this != RECEIVED
                && this != RETURNING && this != RETURNED;
    }
}
