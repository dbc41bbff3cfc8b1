package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of an order at the centre: under which agreement, at its price, promised when. */
public record CentreOrderLine(String lineRef, String itemCode, long quantity, long agreementId, String agreementCode,
        String supplierCode, BigDecimal unitPrice, BigDecimal amount, LocalDate promisedDate) {
}
