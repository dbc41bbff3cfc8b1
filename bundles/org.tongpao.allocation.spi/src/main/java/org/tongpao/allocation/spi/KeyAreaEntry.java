package org.tongpao.allocation.spi;

import java.time.Instant;
import java.util.Objects;
import org.tongpao.allocation.KeyArea;

/**
 * Goods about to enter a key area: the area, the moment, and the move — the shipment carrying them when the caller
 * knows it, else the batch and its leg (from a depot to a depot, or to an org unit without one).
 *
 * @param area the key area the destination lies in
 * @param at when the goods leave (the gate checks the pass at this moment)
 * @param shipmentId the shipment carrying them, or null when a batch is dispatched without naming one
 * @param batchId the allocation batch, or null for a plain move
 * @param fromDepotId the sending depot
 * @param toDepotId the receiving depot, or null for a delivery to an org unit
 * @param toOrgUnitId the receiving org unit (a front-line station), or null for a depot
 * @since 1.2
 */
public record KeyAreaEntry(KeyArea area, Instant at, Long shipmentId, Long batchId, long fromDepotId, Long toDepotId,
        Long toOrgUnitId) {

    public KeyAreaEntry {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(at, "at");
        if ((toDepotId == null) == (toOrgUnitId == null)) {
            throw new IllegalArgumentException("exactly one of toDepotId and toOrgUnitId");
        }
    }
}
