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

    static ShipmentBuilder aShipment() {
        return new ShipmentBuilder();
    }

    /** A {@link NewShipment} of 10 packages, 250 kg by road unless told otherwise. */
    static final class ShipmentBuilder {
        private Long batchId;
        private Long fromDepotId;
        private Long toDepotId;
        private String carrierId;
        private int packages = 10;
        private BigDecimal weightKg = new BigDecimal("250.000");
        private TransportMode mode = TransportMode.ROAD;
        private Instant deliverBy;
        private String notes;

        ShipmentBuilder ofBatch(long id) {
            batchId = id;
            return this;
        }

        ShipmentBuilder from(long depotId) {
            fromDepotId = depotId;
            return this;
        }

        ShipmentBuilder to(long depotId) {
            toDepotId = depotId;
            return this;
        }

        ShipmentBuilder with(String carrier) {
            carrierId = carrier;
            return this;
        }

        ShipmentBuilder deliverBy(Instant t) {
            deliverBy = t;
            return this;
        }

        NewShipment build() {
            return new NewShipment(batchId, fromDepotId, toDepotId, carrierId, packages, weightKg, mode, deliverBy, notes);
        }
    }

    static TrackingEventBuilder tracking(String waybill, TrackingStatus status) {
        return new TrackingEventBuilder(waybill, status);
    }

    /** A {@link TrackingEvent}; a DELIVERED one carries a proof of delivery unless told otherwise. */
    static final class TrackingEventBuilder {
        private final String waybill;
        private final TrackingStatus status;
        private Instant at;
        private String location;

        TrackingEventBuilder(String waybill, TrackingStatus status) {
            this.waybill = waybill;
            this.status = status;
        }

        TrackingEventBuilder at(Instant t) {
            at = t;
            return this;
        }

        TrackingEventBuilder in(String place) {
            location = place;
            return this;
        }

        TrackingEvent build() {
            ProofOfDelivery proof = status == TrackingStatus.DELIVERED ? new ProofOfDelivery("Li Wei", at, "POD-1") : null;
            return new TrackingEvent(waybill, status, at, location, null, proof);
        }
    }

    /** A line's count at the receiving depot: {@code received} in all, {@code damaged} of them spoilt. */
    static LineReceipt counted(long lineId, long received, long damaged, String note) {
        return new LineReceipt(lineId, received, damaged, note);
    }
}
