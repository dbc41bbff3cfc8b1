package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order placed with the centre under one agreement, at the agreement's price. An emergency order names its
 * single source, carries the justification and who approved it, and is promised on the expedited lead time.
 */
public record CentreOrder(long id, String orderRef, long agreementId, String agreementCode, String supplierCode,
        String itemCode, long quantity, BigDecimal unitPrice, BigDecimal total, String currency, String buyerProvince,
        boolean emergency, String justification, String approvedBy, CentreOrderStatus status, LocalDate promisedDate,
        String placedBy, Instant placedAt, long version, List<OrderEvent> events) {

    CentreOrder withEvents(List<OrderEvent> timeline) {
        return new CentreOrder(id, orderRef, agreementId, agreementCode, supplierCode, itemCode, quantity, unitPrice,
                total, currency, buyerProvince, emergency, justification, approvedBy, status, promisedDate, placedBy,
                placedAt, version, timeline);
    }
}
