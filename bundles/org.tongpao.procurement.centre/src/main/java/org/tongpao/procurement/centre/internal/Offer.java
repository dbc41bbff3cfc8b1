package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What one agreement offers for a request: its price, the total and the day the whole quantity is delivered. */
@io.swagger.v3.oas.annotations.media.Schema(name = "CentreOffer")
public record Offer(long agreementId, String agreementCode, String supplierCode, String supplierName, String itemCode,
        long quantity, BigDecimal unitPrice, BigDecimal total, String currency, LocalDate deliverBy, boolean expedited) {
}
