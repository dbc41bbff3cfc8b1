package org.tongpao.allocation;

/**
 * One line of a batch. {@code needId} is null for a mutual-aid line without a need. Status: PLANNED →
 * RESERVED (or, since 1.3, INSTRUCTED: it leaves a depot another node keeps, told to dispatch it) → DISPATCHED → RECEIVED, or (1.4) RETURNED when its goods came back into the sending depot, {@code reason}
 * saying why (RELEASED on batches failed before 1.1); each line is dispatched with its
 * own shipment, and the batch's status is derived from its lines. {@code toOrgUnitId} (1.4) names the org unit
 * without a depot (a front-line station) the line delivers to; then {@code toDepotId} is 0.
 */
public record BatchLine(long id, int lineNo, Long needId, long itemId, long fromDepotId, long toDepotId,
        long quantity, String status, Long reservationId, Long transferId, long receivedQuantity,
        long damagedQuantity, String reason, Long toOrgUnitId) {

    /** The 1.3 form: a line to a depot. */
    public BatchLine(long id, int lineNo, Long needId, long itemId, long fromDepotId, long toDepotId,
            long quantity, String status, Long reservationId, Long transferId, long receivedQuantity,
            long damagedQuantity, String reason) {
        this(id, lineNo, needId, itemId, fromDepotId, toDepotId, quantity, status, reservationId, transferId,
                receivedQuantity, damagedQuantity, reason, null);
    }

    /** True when the line delivers to an org unit rather than a depot (1.4). */
    public boolean toUnit() {
        return toOrgUnitId != null;
    }
}
