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
    CANCELLED;

    /** Whether no further progress is expected after this status. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }
}
