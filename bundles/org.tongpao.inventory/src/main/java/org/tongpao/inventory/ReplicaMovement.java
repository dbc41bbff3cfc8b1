package org.tongpao.inventory;

/**
 * One movement of a {@link ReplicaPosting}: a signed quantity of a lot named by the origin node's lot id.
 *
 * @param reason an {@link AdjustmentReason} or {@link WriteOffReason} name where one applies, else null
 * @since 1.4
 */
public record ReplicaMovement(long lotId, MovementType type, long quantity, String reason) {
}
