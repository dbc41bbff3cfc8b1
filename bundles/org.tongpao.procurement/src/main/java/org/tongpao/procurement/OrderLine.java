package org.tongpao.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line of a purchase order: {@code quantity} of an item at {@code unitPrice} (in the order's {@code currency}),
 * promised for {@code promisedDate}; what receipts accepted and rejected so far, and what is still outstanding.
 */
public record OrderLine(long id, int lineNo, long itemId, String itemCode, String standard, long quantity,
        BigDecimal unitPrice, String currency, LocalDate promisedDate, long acceptedQuantity, long rejectedQuantity,
        long outstanding) {
}
