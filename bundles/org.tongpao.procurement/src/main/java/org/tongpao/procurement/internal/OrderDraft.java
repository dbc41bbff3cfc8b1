package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;

/**
 * A new order (or a draft's new content) after validation: every id looked up, every amount computed exactly;
 * {@code quoteId}/{@code quoteRef} name the channel's quote it was drafted from (null: drafted by hand).
 */
record OrderDraft(String provinceCode, long supplierId, Depot depot, long budgetLineId, String channelId,
        boolean emergency, String justification, String currency, BigDecimal exchangeRate, BigDecimal totalAmount,
        BigDecimal totalCny, String note, List<Line> lines, Long quoteId, String quoteRef) {

    /** The same draft, drafted from quote {@code id} ({@code ref} at the channel). */
    OrderDraft fromQuote(long id, String ref) {
        return new OrderDraft(provinceCode, supplierId, depot, budgetLineId, channelId, emergency, justification,
                currency, exchangeRate, totalAmount, totalCny, note, lines, id, ref);
    }

    record Line(int lineNo, Item item, String standard, long quantity, BigDecimal unitPrice, LocalDate promisedDate) {
    }
}
