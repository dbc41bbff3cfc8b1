package org.tongpao.procurement;

import java.time.LocalDate;

/** One inspected line of a receipt; {@code lotId} is the inventory lot the accepted quantity became (or null). */
public record GoodsReceiptLine(long id, long orderLineId, long itemId, String standard, String certificateNumber,
        String productionBatch, LocalDate expiryDate, long acceptedQuantity, long rejectedQuantity,
        String rejectReason, Long lotId, int daysLate) {
}
