package org.example.jinghua.simulator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One notice the factory issues about an order, numbered across all orders ({@code seq} grows by one per
 * notice, so a client reads "everything after n").
 *
 * Notices about one line name it ({@code buyerLine}, the buyer's reference, and {@code sku}).
 *
 * <p>Kinds: {@code CONFIRMED} (with the expected dispatch date), {@code PRODUCTION} (pieces made so far of a
 * SKU), {@code SHIPPED} (pieces of a SKU handed to a carrier, with the waybill and the batch's certificate),
 * {@code DELIVERED} (pieces of a SKU handed over at the delivery point), {@code DELAYED} (the remark says
 * why; the expected date moves), {@code CANCELLED}.
 */
public record Notice(long seq, String orderNo, String buyerReference, String kind, Instant time, String buyerLine, String sku,
        Long quantity, LocalDate expectedDate, String waybill, String certificate, String remark) {
}
