package org.tongpao.transport;

/**
 * BOOKING_FAILED when the carrier refused or failed the booking (retry with {@code book}); BOOKED with a
 * waybill; then the carrier's reported progress; CANCELLED before pick-up; RECEIVED once the receiving
 * depot confirmed the goods into inventory.
 */
public enum ShipmentStatus {
    BOOKING_FAILED, BOOKED, ACCEPTED, PICKED_UP, IN_TRANSIT, AT_CHECKPOINT, EXCEPTION, DELIVERED, CANCELLED, RECEIVED;

    /** Whether the shipment is still moving (the SLA clock runs and tracking is pulled). */
    public boolean isOpen() {
        return this != BOOKING_FAILED && this != DELIVERED && this != CANCELLED && this != RECEIVED;
    }
}
