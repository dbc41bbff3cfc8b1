package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of an import order: under which foreign offer, at its price in the order's currency. */
public record ImportOrderLine(String lineRef, String itemCode, long quantity, long offerId, String offerCode,
        String supplierName, BigDecimal unitPrice, BigDecimal amount, LocalDate promisedDate) {
}
