package org.tongpao.procurement;

import java.math.BigDecimal;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * What a quote does not say and a draft order needs: the supplier the channel delivers for (qualified for every
 * item), the depot (of the buyer's province), the budget line, the exchange rate (CNY per unit, required unless
 * the quote is in CNY) and a note. Lines, prices, currency, promised dates, the channel and emergency come from the
 * quote.
 *
 * @since 1.1
 */
public record QuoteOrder(@NotNull Long supplierId, @NotNull Long depotId, @NotNull Long budgetLineId,
        BigDecimal exchangeRate, @Size(max = 500) String note) {
}
