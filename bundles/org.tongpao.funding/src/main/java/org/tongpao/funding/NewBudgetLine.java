package org.tongpao.funding;

import java.math.BigDecimal;

/**
 * A budget line to open. A {@link FundingSource#PROVINCIAL_BUDGET} is held by a province; the central sources
 * may be held by the ministry or passed down to a province.
 *
 * @param code     unique, e.g. {@code SEF-2026-HB}
 * @param holder   {@link BudgetLine#MINISTRY} or a province code
 * @param amount   the budget, at most 2 decimals
 * @param currency {@code CNY} (the only currency lines are kept in); null means CNY
 */
public record NewBudgetLine(String code, String name, FundingSource source, String holder, String category,
        BigDecimal amount, String currency) {
}
