package org.tongpao.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A quoted line: the request's line reference and item, how many were asked and how many the channel offers (may
 * be fewer), at what unit price (in the quote's currency) and by when.
 *
 * @since 1.1
 */
public record QuoteLine(String lineRef, String itemCode, long requestedQuantity, long quantity, BigDecimal unitPrice,
        LocalDate deliverBy) {
}
