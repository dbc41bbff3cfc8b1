package org.tongpao.transport.passes.internal;

import java.time.Instant;

/**
 * What an officer asks for: the area as exactly one of {@code keyAreaId}, {@code orgUnitId} or {@code areaName};
 * the validity window; the vehicle; the authority that issues it.
 */
public record NewPass(Long keyAreaId, Long orgUnitId, String areaName, Instant validFrom, Instant validUntil,
        String vehiclePlate, String authority) {
}
