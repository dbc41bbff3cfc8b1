package org.tongpao.funding;

import java.math.BigDecimal;

/**
 * One row of the budget vs committed vs spent view: the totals of the lines sharing the grouped dimensions
 * (a dimension not grouped by is null; a line without a category has category null). Amounts in CNY.
 */
public record FundingSummary(FundingSource source, String holder, String category, String currency, long lines,
        BigDecimal budget, BigDecimal committed, BigDecimal spent, BigDecimal available) {
}
