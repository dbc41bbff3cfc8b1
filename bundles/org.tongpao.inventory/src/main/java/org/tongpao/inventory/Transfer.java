package org.tongpao.inventory;

import java.time.Instant;

/**
 * Goods between two depots: created by a transfer-out (goods in transit), closed by the receiving
 * depot's transfer-in; a shortfall or damage at receipt becomes an adjustment at the destination.
 */
public record Transfer(long id, long fromDepotId, long toDepotId, long itemId, long quantity, Status status,
        long receivedQuantity, long damagedQuantity, String sourceDocument, Instant dispatchedAt, Instant receivedAt) {

    public enum Status { IN_TRANSIT, RECEIVED }
}
