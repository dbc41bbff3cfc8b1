package org.tongpao.transport;

import java.math.BigDecimal;
import java.time.Instant;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TransportMode;

/**
 * A shipment from a depot to a depot. {@code keyArea} is set when the destination lies in a key area
 * declared by the ministry (then {@code entryPass} must be valid at dispatch). {@code carrierAvailable} is
 * false while the carrier's bundle is not installed: the shipment stays readable but cannot be booked,
 * cancelled or tracked through it. {@code sla} is evaluated when read. {@code toOrgUnitId}/{@code toOrgUnitCode}
 * (1.3) name the org unit without a depot (a front-line station) the shipment delivers to; then {@code toDepotId}
 * is 0 and {@code toDepotCode} null, and {@code toProvinceCode} is the unit's province.
 */
public record Shipment(long id, String number, Long batchId, String batchNumber,
        long fromDepotId, String fromDepotCode, String fromProvinceCode,
        long toDepotId, String toDepotCode, String toProvinceCode,
        boolean keyArea, String keyAreaLabel,
        String carrierId, boolean carrierAvailable, String waybill, ShipmentStatus status, String failure,
        int packages, BigDecimal weightKg, TransportMode mode, Instant deliverBy, String notes,
        BigDecimal quotedPrice, String quotedCurrency,
        Instant bookedAt, Instant acceptedAt, Instant pickedUpAt, Instant deliveredAt,
        Instant dispatchedAt, String dispatchedBy, Instant receivedAt, String receivedBy,
        ProofOfDelivery proofOfDelivery, EntryPass entryPass, Sla sla,
        String createdBy, Instant createdAt, Instant updatedAt, long version, Long toOrgUnitId, String toOrgUnitCode) {

    /** The 1.2 form: a shipment to a depot. */
    public Shipment(long id, String number, Long batchId, String batchNumber,
            long fromDepotId, String fromDepotCode, String fromProvinceCode,
            long toDepotId, String toDepotCode, String toProvinceCode,
            boolean keyArea, String keyAreaLabel,
            String carrierId, boolean carrierAvailable, String waybill, ShipmentStatus status, String failure,
            int packages, BigDecimal weightKg, TransportMode mode, Instant deliverBy, String notes,
            BigDecimal quotedPrice, String quotedCurrency,
            Instant bookedAt, Instant acceptedAt, Instant pickedUpAt, Instant deliveredAt,
            Instant dispatchedAt, String dispatchedBy, Instant receivedAt, String receivedBy,
            ProofOfDelivery proofOfDelivery, EntryPass entryPass, Sla sla,
            String createdBy, Instant createdAt, Instant updatedAt, long version) {
        this(id, number, batchId, batchNumber, fromDepotId, fromDepotCode, fromProvinceCode, toDepotId, toDepotCode,
                toProvinceCode, keyArea, keyAreaLabel, carrierId, carrierAvailable, waybill, status, failure, packages,
                weightKg, mode, deliverBy, notes, quotedPrice, quotedCurrency, bookedAt, acceptedAt, pickedUpAt,
                deliveredAt, dispatchedAt, dispatchedBy, receivedAt, receivedBy, proofOfDelivery, entryPass, sla,
                createdBy, createdAt, updatedAt, version, null, null);
    }

    /** True when the shipment delivers to an org unit rather than a depot (1.3). */
    public boolean toUnit() {
        return toOrgUnitId != null;
    }

    /**
     * A builder, the way to make one outside this package: components added in a later minor version
     * get a setter and a default, so code built against this version keeps compiling and linking.
     *
     * @since 1.2
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this one's values, to make a changed copy. @since 1.2 */
    public Builder toBuilder() {
        return builder().id(id).number(number).batchId(batchId).batchNumber(batchNumber).fromDepotId(fromDepotId)
                .fromDepotCode(fromDepotCode).fromProvinceCode(fromProvinceCode).toDepotId(toDepotId)
                .toDepotCode(toDepotCode).toProvinceCode(toProvinceCode).keyArea(keyArea).keyAreaLabel(keyAreaLabel)
                .carrierId(carrierId).carrierAvailable(carrierAvailable).waybill(waybill).status(status)
                .failure(failure).packages(packages).weightKg(weightKg).mode(mode).deliverBy(deliverBy).notes(notes)
                .quotedPrice(quotedPrice).quotedCurrency(quotedCurrency).bookedAt(bookedAt).acceptedAt(acceptedAt)
                .pickedUpAt(pickedUpAt).deliveredAt(deliveredAt).dispatchedAt(dispatchedAt).dispatchedBy(dispatchedBy)
                .receivedAt(receivedAt).receivedBy(receivedBy).proofOfDelivery(proofOfDelivery).entryPass(entryPass)
                .sla(sla).createdBy(createdBy).createdAt(createdAt).updatedAt(updatedAt).version(version)
                .toOrgUnitId(toOrgUnitId).toOrgUnitCode(toOrgUnitCode);
    }

    /** Builds a {@link Shipment}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private long id;
        private String number;
        private Long batchId;
        private String batchNumber;
        private long fromDepotId;
        private String fromDepotCode;
        private String fromProvinceCode;
        private long toDepotId;
        private String toDepotCode;
        private String toProvinceCode;
        private boolean keyArea;
        private String keyAreaLabel;
        private String carrierId;
        private boolean carrierAvailable;
        private String waybill;
        private ShipmentStatus status;
        private String failure;
        private int packages;
        private BigDecimal weightKg;
        private TransportMode mode;
        private Instant deliverBy;
        private String notes;
        private BigDecimal quotedPrice;
        private String quotedCurrency;
        private Instant bookedAt;
        private Instant acceptedAt;
        private Instant pickedUpAt;
        private Instant deliveredAt;
        private Instant dispatchedAt;
        private String dispatchedBy;
        private Instant receivedAt;
        private String receivedBy;
        private ProofOfDelivery proofOfDelivery;
        private EntryPass entryPass;
        private Sla sla;
        private String createdBy;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;
        private Long toOrgUnitId;
        private String toOrgUnitCode;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder number(String number) { this.number = number; return this; }
        public Builder batchId(Long batchId) { this.batchId = batchId; return this; }
        public Builder batchNumber(String batchNumber) { this.batchNumber = batchNumber; return this; }
        public Builder fromDepotId(long fromDepotId) { this.fromDepotId = fromDepotId; return this; }
        public Builder fromDepotCode(String fromDepotCode) { this.fromDepotCode = fromDepotCode; return this; }
        public Builder fromProvinceCode(String fromProvinceCode) { this.fromProvinceCode = fromProvinceCode; return this; }
        public Builder toDepotId(long toDepotId) { this.toDepotId = toDepotId; return this; }
        public Builder toDepotCode(String toDepotCode) { this.toDepotCode = toDepotCode; return this; }
        public Builder toProvinceCode(String toProvinceCode) { this.toProvinceCode = toProvinceCode; return this; }
        public Builder keyArea(boolean keyArea) { this.keyArea = keyArea; return this; }
        public Builder keyAreaLabel(String keyAreaLabel) { this.keyAreaLabel = keyAreaLabel; return this; }
        public Builder carrierId(String carrierId) { this.carrierId = carrierId; return this; }
        public Builder carrierAvailable(boolean carrierAvailable) { this.carrierAvailable = carrierAvailable; return this; }
        public Builder waybill(String waybill) { this.waybill = waybill; return this; }
        public Builder status(ShipmentStatus status) { this.status = status; return this; }
        public Builder failure(String failure) { this.failure = failure; return this; }
        public Builder packages(int packages) { this.packages = packages; return this; }
        public Builder weightKg(BigDecimal weightKg) { this.weightKg = weightKg; return this; }
        public Builder mode(TransportMode mode) { this.mode = mode; return this; }
        public Builder deliverBy(Instant deliverBy) { this.deliverBy = deliverBy; return this; }
        public Builder notes(String notes) { this.notes = notes; return this; }
        public Builder quotedPrice(BigDecimal quotedPrice) { this.quotedPrice = quotedPrice; return this; }
        public Builder quotedCurrency(String quotedCurrency) { this.quotedCurrency = quotedCurrency; return this; }
        public Builder bookedAt(Instant bookedAt) { this.bookedAt = bookedAt; return this; }
        public Builder acceptedAt(Instant acceptedAt) { this.acceptedAt = acceptedAt; return this; }
        public Builder pickedUpAt(Instant pickedUpAt) { this.pickedUpAt = pickedUpAt; return this; }
        public Builder deliveredAt(Instant deliveredAt) { this.deliveredAt = deliveredAt; return this; }
        public Builder dispatchedAt(Instant dispatchedAt) { this.dispatchedAt = dispatchedAt; return this; }
        public Builder dispatchedBy(String dispatchedBy) { this.dispatchedBy = dispatchedBy; return this; }
        public Builder receivedAt(Instant receivedAt) { this.receivedAt = receivedAt; return this; }
        public Builder receivedBy(String receivedBy) { this.receivedBy = receivedBy; return this; }
        public Builder proofOfDelivery(ProofOfDelivery proofOfDelivery) { this.proofOfDelivery = proofOfDelivery; return this; }
        public Builder entryPass(EntryPass entryPass) { this.entryPass = entryPass; return this; }
        public Builder sla(Sla sla) { this.sla = sla; return this; }
        public Builder createdBy(String createdBy) { this.createdBy = createdBy; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder version(long version) { this.version = version; return this; }
        /** @since 1.3 */
        public Builder toOrgUnitId(Long toOrgUnitId) { this.toOrgUnitId = toOrgUnitId; return this; }
        /** @since 1.3 */
        public Builder toOrgUnitCode(String toOrgUnitCode) { this.toOrgUnitCode = toOrgUnitCode; return this; }

        public Shipment build() {
            return new Shipment(id, number, batchId, batchNumber, fromDepotId, fromDepotCode, fromProvinceCode,
                    toDepotId, toDepotCode, toProvinceCode, keyArea, keyAreaLabel, carrierId, carrierAvailable, waybill,
                    status, failure, packages, weightKg, mode, deliverBy, notes, quotedPrice, quotedCurrency, bookedAt,
                    acceptedAt, pickedUpAt, deliveredAt, dispatchedAt, dispatchedBy, receivedAt, receivedBy,
                    proofOfDelivery, entryPass, sla, createdBy, createdAt, updatedAt, version, toOrgUnitId, toOrgUnitCode);
        }
    }
}
