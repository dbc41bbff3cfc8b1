package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.Money;

/**
 * Exact money of an import, on funding's {@link Money} and {@link ExchangeRate}: a line is price × quantity rounded
 * once to the currency's minor unit (KRW has none), an order's amount is the sum of its lines, and its CNY value is
 * that amount × the rate, rounded once to the fen. Never a double.
 */
final class Conversion {
    private Conversion() {
    }

    static Money line(BigDecimal unitPrice, long quantity, String currency) {
        return Money.rounded(unitPrice.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    static Money toCny(Money amount, BigDecimal cnyPerUnit, Instant asOf) {
        return new ExchangeRate(amount.currency(), Money.CNY, cnyPerUnit, asOf, null).convert(amount);
    }

    /** What the rate moved between order and payment, in CNY: positive when paying cost more than ordered. */
    static Money difference(Money atOrder, Money atPayment) {
        return atPayment.minus(atOrder);
    }
}
