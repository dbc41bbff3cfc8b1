package org.tongpao.transport.passes.internal;

import java.time.Instant;

/**
 * An entry pass for one area a shipment crosses. {@code areaRef} is the key area's or org unit's id for those
 * kinds; {@code area} the name printed (copied when issued). {@code copies} counts the print-outs; only the latest
 * verifies. {@code status} is evaluated when read.
 */
public record Pass(long id, long shipmentId, String shipmentNumber, AreaKind areaKind, String areaRef, String area,
        Instant validFrom, Instant validUntil, String vehiclePlate, String authority, String issuedBy,
        Instant issuedAt, int copies, Instant revokedAt, String revokedBy, String revokeReason, PassStatus status,
        long version) {

    /** The same pass with its status evaluated at {@code now}. */
    Pass at(Instant now) {
        return new Pass(id, shipmentId, shipmentNumber, areaKind, areaRef, area, validFrom, validUntil, vehiclePlate,
                authority, issuedBy, issuedAt, copies, revokedAt, revokedBy, revokeReason,
                PassRules.status(validFrom, validUntil, revokedAt, now), version);
    }
}
