package org.tongpao.procurement;

import java.math.BigDecimal;
import java.util.List;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * What a quote does not say and a draft order needs: the supplier the channel delivers for (qualified for every
 * item), the depot (of the buyer's province), the budget line, the exchange rate (CNY per unit, required unless
 * the quote is in CNY) and a note. Lines, prices, currency, promised dates, the channel and emergency come from the
 * quote. {@code lines} (since 1.3) names the quote's lines to order by their {@code lineRef}; null orders them all.
 * A quote becomes one order either way: lines left out are not ordered later.
 *
 * @since 1.1
 */
public record QuoteOrder(@NotNull Long supplierId, @NotNull Long depotId, @NotNull Long budgetLineId,
        BigDecimal exchangeRate, @Size(max = 500) String note, List<String> lines) {

    /** An order of the whole quote (every line), as before 1.3. */
    public QuoteOrder(Long supplierId, Long depotId, Long budgetLineId, BigDecimal exchangeRate, String note) {
        this(supplierId, depotId, budgetLineId, exchangeRate, note, null);
    }
}
