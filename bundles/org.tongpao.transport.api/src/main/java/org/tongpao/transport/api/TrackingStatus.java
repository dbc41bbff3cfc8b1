package org.tongpao.transport.api;

/** Where a booked shipment stands, as its carrier reports it. */
public enum TrackingStatus {
    /** The carrier has taken the booking on (the "respond" promise). */
    ACCEPTED,
    PICKED_UP,
    IN_TRANSIT,
    /** At a checkpoint, e.g. the entry point of a locked-down area. */
    AT_CHECKPOINT,
    /** Handed over; the event carries a {@link ProofOfDelivery}. */
    DELIVERED,
    /** Something went wrong (refused entry, damage, delay); the note says what. Progress may follow. */
    EXCEPTION,
    /** The carrier will not carry the booking (cancelled on request, or it cannot); the note says why. */
    CANCELLED,
    /**
     * The carrier brings the goods back to the sender (refused at the destination, undeliverable); the note says
     * why. After hand-over, CANCELLED and RETURNED both start a return of the goods to the sending depot.
     *
     * @since 1.1
     */
    RETURNED;

    /** Whether no further progress is expected after this status. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED || this == RETURNED;
    }
}
