package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.Money;

/**
 * The order's money, exact: a line's amount is quantity × unit price rounded once to the currency's scale
 * ({@link Money#ROUNDING}); the order's total is the sum of its lines; its CNY amount is the total converted at the
 * order's rate, rounded once. What a receipt spends is computed on the accepted quantity so far, so the parts of
 * a line delivered in several receipts add up to exactly the line's amount.
 */
final class Pricing {
    static final int MAX_PRICE_DECIMALS = 4;

    private Pricing() {
    }

    static Money lineAmount(long quantity, BigDecimal unitPrice, String currency) {
        return Money.rounded(unitPrice.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** The rate of the order's currency to CNY (the identity for CNY), fixed at {@code asOf}. */
    static ExchangeRate rate(String currency, BigDecimal cnyPerUnit, Instant asOf, String source) {
        return Money.CNY.equals(currency) ? ExchangeRate.identity(Money.CNY, asOf)
                : new ExchangeRate(currency, Money.CNY, cnyPerUnit, asOf, source);
    }

    /** What accepting {@code accepted} more (after {@code acceptedBefore}) of a line costs. */
    static Money spendOf(long acceptedBefore, long accepted, BigDecimal unitPrice, String currency) {
        return lineAmount(acceptedBefore + accepted, unitPrice, currency)
                .minus(lineAmount(acceptedBefore, unitPrice, currency));
    }
}
