package org.tongpao.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A channel's answer to a request for quotation, as Tongpao stored it: the channel, the request's and the quote's
 * references, the buying province ({@code provinceCode}, null for the ministry's own request) and where the goods
 * go ({@code deliverToProvince}), whether it is an emergency procurement, the currency of every price, until when it
 * stands, the incoterm of an import, the channel's note, the total, and the lines. {@code orderId}: the draft order
 * made from it (a quote becomes at most one order).
 *
 * @since 1.1
 */
public record StoredQuote(long id, String channelId, String requestRef, String quoteRef, String provinceCode,
        String deliverToProvince, boolean emergency, String currency, Instant validUntil, String incoterm, String note,
        BigDecimal totalAmount, List<QuoteLine> lines, Long orderId, String createdBy, Instant createdAt) {
}
