package org.tongpao.allocation;

/**
 * One line of a batch. {@code needId} is null for a mutual-aid line without a need. Status follows
 * the batch: PLANNED → RESERVED → DISPATCHED → RECEIVED.
 */
public record BatchLine(long id, int lineNo, Long needId, long itemId, long fromDepotId, long toDepotId,
        long quantity, String status, Long reservationId, Long transferId, long receivedQuantity,
        long damagedQuantity, String reason) {
}
