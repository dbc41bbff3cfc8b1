package org.tongpao.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A purchase order. {@code provinceCode} is the buying province (null: the ministry's own order). Amounts are exact:
 * {@code totalAmount} in {@code currency}, {@code totalCny} converted at {@code exchangeRate} (CNY per unit, as
 * recorded on the order), the amount approval commits on {@code budgetLineId} under {@code commitmentReference};
 * {@code spentCny} what receipts turned into spend. {@code channelId}/{@code channelReference}: the channel the
 * order was placed through and its reference there (null: placed directly with the supplier). {@code version}
 * changes with every change of the order (a draft's edit names it in {@code If-Match}). {@code quoteId}/{@code
 * quoteRef}: the channel's quote the order was drafted from (since 1.1; null for an order drafted by hand). A
 * read-only copy of an order another node keeps (at central: a federated province's) has {@code source}
 * {@code <node>/<its id there>}, a number {@code <node>/<number there>} and {@code asOf}, when it was last current
 * there; null for own orders.
 */
public record PurchaseOrder(long id, String number, String provinceCode, long supplierId, String supplierCode,
        long depotId, String depotCode, String channelId, String channelReference, OrderStatus status,
        boolean emergency, String justification, String currency, BigDecimal exchangeRate, BigDecimal totalAmount,
        BigDecimal totalCny, long budgetLineId, String commitmentReference, BigDecimal spentCny, String note,
        List<OrderLine> lines, List<Approval> approvals, String createdBy, Instant createdAt, Instant submittedAt,
        Instant approvedAt, Instant placedAt, Instant receivedAt, String cancelledBy, Instant cancelledAt,
        String cancelReason, String failure, long version, Long quoteId, String quoteRef, String source,
        Instant asOf) {
}
