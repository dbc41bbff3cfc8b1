package org.tongpao.transport;

import java.time.Instant;
import org.tongpao.transport.api.TrackingStatus;

/**
 * A tracking event pushed for a waybill no shipment has yet (the carrier's answer to the booking had not been
 * stored): kept, never dropped, and applied in order of occurrence as soon as a booking returns that waybill.
 *
 * @since 1.3
 */
public record UnmatchedEvent(long id, String carrierId, String waybill, TrackingStatus status, Instant at,
        String location, String note, String source, String recordedBy, Instant receivedAt) {
}
