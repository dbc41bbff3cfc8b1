package org.tongpao.inventory;

import java.util.List;

/**
 * What {@link StockLedger#receiveAll} booked (1.9): the new lots' ids in the order of the receipts, the postings that
 * hold their RECEIPT movements (one per depot) and the quantity received in all.
 *
 * @since 1.9
 */
public record ReceivedLots(List<Long> lotIds, List<Long> postingIds, long quantity) {
    public ReceivedLots {
        lotIds = List.copyOf(lotIds);
        postingIds = List.copyOf(postingIds);
    }
}
