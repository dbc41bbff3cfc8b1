package org.tongpao.allocation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's request for an item (or any item of a category). {@code allocated} is the quantity reserved
 * in approved batches, {@code received} the usable quantity confirmed by the receiving depot.
 * {@code keyArea} is derived from the declared key areas; {@code keyAreaLabel} names the matching one.
 */
public record Need(long id, long orgUnitId, String unitCode, String provinceCode, Long itemId, String categoryCode,
        long quantity, long allocated, long received, Urgency urgency, boolean frontLine, boolean keyArea,
        String keyAreaLabel, LocalDate neededBy, String justification, Integer daysOfCoverLeft,
        Long receivingDepotId, NeedState state, String createdBy, Instant createdAt, Instant updatedAt,
        long version) {

    /** Quantity not yet covered by an approved batch. */
    public long remaining() {
        return Math.max(0, quantity - allocated);
    }
}
