package org.tongpao.transport.internal;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** A new shipment of 10 packages, 250 kg by road; e.g. {@code aShipment().batchId(4L).carrierId("swift").build()}. */
    static NewShipment.Builder aShipment() {
        return NewShipment.builder().packages(10).weightKg(new BigDecimal("250.000")).mode(TransportMode.ROAD);
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
