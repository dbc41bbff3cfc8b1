package org.tongpao.inventory;

import java.time.Instant;

/**
 * Goods between two depots: created by a transfer-out (goods in transit), closed by the receiving
 * depot's transfer-in; a shortfall or damage at receipt becomes an adjustment at the destination.
 * {@code crossNodeId} (1.4) names a transfer whose other end is on another node ({@link CrossNodeTransfer}):
 * the sender's transfer-out closes when the receiver's receipt arrives; null for a transfer within this node.
 * {@code toOrgUnitId} (1.5) names the org unit without a depot (a front-line station) the goods go to; then
 * {@code toDepotId} is 0, and the delivery at the unit issues the goods to it from the sending depot's ledger.
 */
public record Transfer(long id, long fromDepotId, long toDepotId, long itemId, long quantity, Status status,
        long receivedQuantity, long damagedQuantity, String sourceDocument, Instant dispatchedAt, Instant receivedAt,
        String crossNodeId, Long toOrgUnitId) {

    /** RETURNED (1.5): the goods came back into the sending depot ({@link InventoryService#returnTransfer}). */
    public enum Status { IN_TRANSIT, RECEIVED, RETURNED }

    /** The 1.4 form: a transfer to a depot. */
    public Transfer(long id, long fromDepotId, long toDepotId, long itemId, long quantity, Status status,
            long receivedQuantity, long damagedQuantity, String sourceDocument, Instant dispatchedAt,
            Instant receivedAt, String crossNodeId) {
        this(id, fromDepotId, toDepotId, itemId, quantity, status, receivedQuantity, damagedQuantity, sourceDocument,
                dispatchedAt, receivedAt, crossNodeId, null);
    }

    /** True for goods on their way to an org unit rather than a depot (1.5). */
    public boolean toUnit() {
        return toOrgUnitId != null;
    }

    /** The 1.3 form: a transfer within this node. */
    public Transfer(long id, long fromDepotId, long toDepotId, long itemId, long quantity, Status status,
            long receivedQuantity, long damagedQuantity, String sourceDocument, Instant dispatchedAt,
            Instant receivedAt) {
        this(id, fromDepotId, toDepotId, itemId, quantity, status, receivedQuantity, damagedQuantity, sourceDocument,
                dispatchedAt, receivedAt, null);
    }
}
