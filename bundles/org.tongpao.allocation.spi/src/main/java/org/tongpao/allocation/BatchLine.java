package org.tongpao.allocation;

/**
 * One line of a batch. {@code needId} is null for a mutual-aid line without a need. Status: PLANNED →
 * RESERVED (or, since 1.3, INSTRUCTED: it leaves a depot another node keeps, told to dispatch it) → DISPATCHED → RECEIVED, or (1.4) RETURNED when its goods came back into the sending depot, {@code reason}
 * saying why (RELEASED on batches failed before 1.1); each line is dispatched with its
 * own shipment, and the batch's status is derived from its lines.
 */
public record BatchLine(long id, int lineNo, Long needId, long itemId, long fromDepotId, long toDepotId,
        long quantity, String status, Long reservationId, Long transferId, long receivedQuantity,
        long damagedQuantity, String reason) {
}
