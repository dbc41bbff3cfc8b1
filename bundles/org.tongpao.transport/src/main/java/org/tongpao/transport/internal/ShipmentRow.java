package org.tongpao.transport.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TransportMode;

/**
 * A shipment row as stored, in the groups it is written in: where it goes, what it carries, the carrier's
 * booking terms, how far it got, the hand-over and receipt, and the row's own stamp. What is evaluated on
 * read (the SLA, whether the carrier is present) is added by {@link ShipmentReader#view}.
 */
record ShipmentRow(long id, String number, Route route, String carrierId, String waybill, ShipmentStatus status,
        String failure, Cargo cargo, Terms terms, SlaClock.Progress progress, ProofOfDelivery proof,
        Handover handover, EntryPass pass, Stamp stamp, String returnCause) {

    /**
     * One end of the move; ids and codes are copied so the shipment reads the same whatever becomes of the depot.
     * A destination may be an org unit without a depot (a front-line station): then {@code depotId} is 0,
     * {@code depotCode} null and {@code orgUnitId}/{@code orgUnitCode} name the unit.
     */
    record End(long depotId, String depotCode, String province, Long orgUnitId, String orgUnitCode) {
        End(long depotId, String depotCode, String province) {
            this(depotId, depotCode, province, null, null);
        }

        static End unit(long orgUnitId, String orgUnitCode, String province) {
            return new End(0, null, province, orgUnitId, orgUnitCode);
        }

        boolean isUnit() {
            return orgUnitId != null;
        }

        /** The code a carrier or a person reads: the depot's, or the unit's. */
        String code() {
            return isUnit() ? orgUnitCode : depotCode;
        }
    }

    /** From where to where, for which batch (null: a plain move), and the key area the destination lies in. */
    record Route(Long batchId, String batchNumber, End from, End to, boolean keyArea, String keyAreaLabel) {
    }

    /** What is carried and how. */
    record Cargo(int packages, BigDecimal weightKg, TransportMode mode, Instant deliverBy, String notes) {
    }

    /** What the carrier's booking fixed; all null until it is booked. */
    record Terms(BigDecimal quotedPrice, String quotedCurrency, Instant bookedAt, SlaClock.Deadlines deadlines) {
        static final Terms NONE = new Terms(null, null, null, null);
    }

    /** The hand-over to the carrier and the receipt at the other end. */
    record Handover(Instant dispatchedAt, String dispatchedBy, Instant receivedAt, String receivedBy) {
        static final Handover NONE = new Handover(null, null, null, null);
    }

    /** Who created the row, when, and its optimistic version. */
    record Stamp(String createdBy, Instant createdAt, Instant updatedAt, long version) {
    }

    long fromDepotId() {
        return route.from().depotId();
    }

    long toDepotId() {
        return route.to().depotId();
    }

    String fromProvince() {
        return route.from().province();
    }

    String toProvince() {
        return route.to().province();
    }

    String toDepotCode() {
        return route.to().depotCode();
    }

    /** The org unit without a depot this shipment delivers to, or null for a depot. */
    Long toOrgUnitId() {
        return route.to().orgUnitId();
    }

    boolean toUnit() {
        return route.to().isUnit();
    }

    Long batchId() {
        return route.batchId();
    }

    Instant dispatchedAt() {
        return handover.dispatchedAt();
    }

    Instant deliveredAt() {
        return progress.deliveredAt();
    }

    long version() {
        return stamp.version();
    }

    /**
     * Whether the SLA clock runs: while the goods move, and during a return the carrier caused (it keeps the blame
     * for the promises it did not keep); a return the ministry ordered stops it.
     */
    boolean slaRunning() {
        return status.isOpen() || "CARRIER".equals(returnCause);
    }

    /**
     * The audit snapshot: one flat object, as the audit trail has always stored a shipment (its JSON sorts keys,
     * so this gives the same text as before the row was grouped).
     */
    Map<String, Object> snapshot() {
        Object[] pairs = {"id", id, "number", number, "batchId", route.batchId(), "batchNumber", route.batchNumber(),
            "fromDepotId", route.from().depotId(), "fromDepotCode", route.from().depotCode(),
            "fromProvince", route.from().province(), "toDepotId", route.to().depotId(),
            "toDepotCode", route.to().depotCode(), "toProvince", route.to().province(), "keyArea", route.keyArea(),
            "keyAreaLabel", route.keyAreaLabel(), "carrierId", carrierId, "waybill", waybill, "status", status,
            "failure", failure, "packages", cargo.packages(), "weightKg", cargo.weightKg(), "mode", cargo.mode(),
            "deliverBy", cargo.deliverBy(), "notes", cargo.notes(), "quotedPrice", terms.quotedPrice(),
            "quotedCurrency", terms.quotedCurrency(), "bookedAt", terms.bookedAt(), "deadlines", terms.deadlines(),
            "acceptedAt", progress.acceptedAt(), "pickedUpAt", progress.pickedUpAt(),
            "deliveredAt", progress.deliveredAt(), "dispatchedAt", handover.dispatchedAt(),
            "dispatchedBy", handover.dispatchedBy(), "receivedAt", handover.receivedAt(),
            "receivedBy", handover.receivedBy(), "proof", proof, "pass", pass, "createdBy", stamp.createdBy(),
            "createdAt", stamp.createdAt(), "updatedAt", stamp.updatedAt(), "version", stamp.version()};
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        if (toUnit()) {
            // only then: a depot shipment's snapshot reads as it always has
            m.put("toOrgUnitId", route.to().orgUnitId());
            m.put("toOrgUnitCode", route.to().orgUnitCode());
        }
        return m;
    }

    /** A shipment not booked yet: what {@link ShipmentDao#insert} stores before the carrier is asked. */
    static ShipmentRow draft(String number, Route route, String carrierId, Cargo cargo, String createdBy, Instant now) {
        return new ShipmentRow(0, number, route, carrierId, null, ShipmentStatus.BOOKING_FAILED, "not booked yet", cargo,
                Terms.NONE, new SlaClock.Progress(null, null, null), null, Handover.NONE, null,
                new Stamp(createdBy, now, now, 1), null);
    }
}
