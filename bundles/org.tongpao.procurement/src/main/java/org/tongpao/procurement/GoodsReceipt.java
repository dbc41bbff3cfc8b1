package org.tongpao.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A delivery received against an order, and the order's status after it. */
public record GoodsReceipt(long id, long orderId, String orderNumber, String deliveryNote, LocalDate receivedOn,
        String receivedBy, Instant receivedAt, String note, List<GoodsReceiptLine> lines, OrderStatus orderStatus) {
}
