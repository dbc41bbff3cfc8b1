package org.tongpao.inventory;

import java.time.Instant;

/**
 * One ledger row, never changed after it is written. {@code quantity} is signed: what the movement did to
 * the lot's on-hand quantity. {@code reason} is an {@link AdjustmentReason} or {@link WriteOffReason} name
 * where one applies; {@code orgUnitId} is the receiving unit of an issue.
 */
public record Movement(long id, long postingId, MovementType type, long depotId, long itemId, long lotId,
        long quantity, String reason, Long orgUnitId, Long transferId, String sourceDocument, String note,
        String actor, String requestId, Instant occurredAt) {
}
