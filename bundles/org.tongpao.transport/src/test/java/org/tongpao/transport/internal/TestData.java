package org.tongpao.transport.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.transport.NewShipment;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.api.TransportMode;

/** Test-data builders: each test names only the values it cares about. */
final class TestData {
    private TestData() {
    }

    /** What a test may set on a new shipment; 10 packages, 250 kg by road unless it says otherwise. */
    static final class ShipmentSpec {
        Long batchId;
        Long from;
        Long to;
        String carrier;
        int packages = 10;
        BigDecimal weightKg = new BigDecimal("250.000");
        TransportMode mode = TransportMode.ROAD;
        Instant deliverBy;
        String notes;
    }

    /** A new shipment, e.g. {@code aShipment(s -> { s.batchId = 4L; s.carrier = "swift"; })}. */
    static NewShipment aShipment(Consumer<ShipmentSpec> spec) {
        ShipmentSpec s = new ShipmentSpec();
        spec.accept(s);
        return new NewShipment(s.batchId, s.from, s.to, s.carrier, s.packages, s.weightKg, s.mode, s.deliverBy, s.notes);
    }

    /** A tracking event with no location or note; a DELIVERED one carries a proof of delivery. */
    static TrackingEvent tracking(String waybill, TrackingStatus status, Instant at) {
        ProofOfDelivery proof = status == TrackingStatus.DELIVERED ? new ProofOfDelivery("Li Wei", at, "POD-1") : null;
        return new TrackingEvent(waybill, status, at, null, null, proof);
    }

    /** A line's count at the receiving depot: {@code received} in all, {@code damaged} of them spoilt. */
    static LineReceipt counted(long lineId, long received, long damaged, String note) {
        return new LineReceipt(lineId, received, damaged, note);
    }
}
