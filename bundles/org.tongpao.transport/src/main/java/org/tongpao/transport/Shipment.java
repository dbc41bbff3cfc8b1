package org.tongpao.transport;

import java.math.BigDecimal;
import java.time.Instant;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TransportMode;

/**
 * A shipment from a depot to a depot. {@code keyArea} is set when the destination lies in a key area
 * declared by the ministry (then {@code entryPass} must be valid at dispatch). {@code carrierAvailable} is
 * false while the carrier's bundle is not installed: the shipment stays readable but cannot be booked,
 * cancelled or tracked through it. {@code sla} is evaluated when read.
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
        String createdBy, Instant createdAt, Instant updatedAt, long version) {
}
