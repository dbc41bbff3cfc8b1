package org.tongpao.inventory;

import java.time.Instant;

/**
 * A {@code ministry-admin} moved designated stock to a destination its designation does not allow, with a
 * recorded reason: audited, announced ({@link InventoryTopics#DESIGNATION_OVERRIDDEN}) and shown in the lot's
 * trace. {@code operation} is {@code issue}, {@code transfer-out} or {@code dispatch}; {@code postingId} is the
 * posting that moved the goods, {@code transferId} the transfer when there is one; exactly one of
 * {@code toDepotId} and {@code toOrgUnitId} is set.
 *
 * @since 1.6
 */
public record DesignationOverride(long id, long lotId, Designation designation, String operation, long quantity,
        Long postingId, Long transferId, Long toDepotId, Long toOrgUnitId, String reason, String actor,
        Instant occurredAt) {
}
