package org.tongpao.transport.api;

import java.time.Instant;
import org.tongpao.transport.api.internal.Check;

/**
 * One status report for a waybill. A {@link TrackingStatus#DELIVERED} event carries its proof of
 * delivery; no other event may. Tongpao ignores an event it already has (same waybill, status and
 * time), so a carrier may safely report the same event again.
 */
public record TrackingEvent(String waybill, TrackingStatus status, Instant at, String location, String note,
        ProofOfDelivery proof) {

    public TrackingEvent {
        waybill = Check.token(waybill, "waybill", 40);
        Check.required(status, "status");
        Check.required(at, "at");
        location = Check.optionalLine(location, "location", 200);
        note = Check.optionalText(note, "note", 500);
        if (status == TrackingStatus.DELIVERED && proof == null) {
            throw new IllegalArgumentException("proof is required for a DELIVERED event");
        }
        if (status != TrackingStatus.DELIVERED && proof != null) {
            throw new IllegalArgumentException("proof belongs only to a DELIVERED event");
        }
    }

    public static TrackingEvent of(String waybill, TrackingStatus status, Instant at, String location) {
        return new TrackingEvent(waybill, status, at, location, null, null);
    }
}
