package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order placed with the centre, its lines under agreements at their prices; promised when its last line is.
 * An emergency order carries the justification and who approved it, and is promised on the expedited lead times.
 */
public record CentreOrder(long id, String orderRef, String buyerProvince, String deliverTo, boolean emergency,
        String justification, String approvedBy, CentreOrderStatus status, BigDecimal total, String currency,
        LocalDate promisedDate, String placedBy, Instant placedAt, long version, List<CentreOrderLine> lines,
        List<OrderEvent> events) {

    CentreOrder with(List<CentreOrderLine> orderLines, List<OrderEvent> timeline) {
        return new CentreOrder(id, orderRef, buyerProvince, deliverTo, emergency, justification, approvedBy, status, total,
                currency, promisedDate, placedBy, placedAt, version, orderLines, timeline);
    }
}
