package org.tongpao.inventory;

/**
 * What went onward from one lot in a period ({@link StockLedger#onward}): {@code passedOn}, what left the lot itself
 * (issued or transferred out), and {@code delivered}, what units received for use from it or from any lot derived
 * from it. The sums a report would add up from the lot's {@link StockLedger#trace}.
 *
 * @since 1.9
 */
public record LotOnward(long lotId, long passedOn, long delivered) {
}
