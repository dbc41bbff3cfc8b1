package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingStatus;

/** A shipment's milestones and status, derived from its whole timeline (free of clocks and databases). */
final class Timeline {
    private Timeline() {
    }

    record Derived(ShipmentStatus status, Instant accepted, Instant pickedUp, Instant delivered, ProofOfDelivery proof) {
    }

    static Derived derive(ShipmentStatus current, List<ShipmentEvent> timeline) {
        return derive(current, timeline, current == ShipmentStatus.DISPATCHED);
    }

    /**
     * Milestones are the earliest event that implies them; the status is the latest event's (delivery is final),
     * except that a dispatched shipment shows DISPATCHED until the carrier reports more than its acceptance, and
     * that a carrier's CANCELLED or RETURNED after hand-over makes it RETURNING (before hand-over: CANCELLED).
     */
    static Derived derive(ShipmentStatus current, List<ShipmentEvent> timeline, boolean dispatched) {
        Instant accepted = null;
        Instant pickedUp = null;
        Instant delivered = null;
        ProofOfDelivery proof = null;
        for (ShipmentEvent e : timeline) {
            TrackingStatus s = e.status();
            if (s != TrackingStatus.EXCEPTION && s != TrackingStatus.CANCELLED && s != TrackingStatus.RETURNED) {
                accepted = SlaClock.first(accepted, e.at());
            }
            if (s == TrackingStatus.PICKED_UP || s == TrackingStatus.IN_TRANSIT || s == TrackingStatus.AT_CHECKPOINT
                    || s == TrackingStatus.DELIVERED) {
                pickedUp = SlaClock.first(pickedUp, e.at());
            }
            if (s == TrackingStatus.DELIVERED && (delivered == null || e.at().isBefore(delivered))) {
                delivered = e.at();
                proof = e.proof();
            }
        }
        return new Derived(status(current, timeline, dispatched, delivered), accepted, pickedUp, delivered, proof);
    }

    private static ShipmentStatus status(ShipmentStatus current, List<ShipmentEvent> timeline, boolean dispatched,
            Instant delivered) {
        if (current == ShipmentStatus.CANCELLED || current == ShipmentStatus.RECEIVED
                || current == ShipmentStatus.RETURNING || current == ShipmentStatus.RETURNED) {
            return current;
        }
        if (delivered != null) {
            return ShipmentStatus.DELIVERED;
        }
        ShipmentEvent latest = timeline.stream().max(Comparator.comparing(ShipmentEvent::at)
                .thenComparing(ShipmentEvent::id)).orElseThrow();
        if (latest.status() == TrackingStatus.CANCELLED || latest.status() == TrackingStatus.RETURNED) {
            // after hand-over the goods are somewhere on the road: they come back (a return), never just "cancelled"
            return dispatched ? ShipmentStatus.RETURNING : ShipmentStatus.CANCELLED;
        }
        ShipmentStatus status = ShipmentStatus.valueOf(latest.status().name());
        return dispatched && status == ShipmentStatus.ACCEPTED ? ShipmentStatus.DISPATCHED : status;
    }
}
