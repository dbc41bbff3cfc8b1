package org.tongpao.funding;

import java.math.BigDecimal;
import java.time.Instant;
import org.tongpao.core.ValidationException;

/**
 * A recorded exchange rate: one unit of {@code from} is worth {@code rate} units of {@code to}, as fixed at
 * {@code asOf} (the rate at order, or at payment). At most {@link #MAX_RATE_DECIMALS} decimals, positive.
 * Conversion multiplies exactly and rounds once, to the target currency's scale with {@link Money#ROUNDING}.
 *
 * @param from   ISO code of the amount converted, e.g. {@code KRW}
 * @param to     ISO code of the result, {@code CNY} for budget lines
 * @param rate   units of {@code to} per unit of {@code from}, e.g. {@code 0.0052} CNY per KRW
 * @param asOf   when the rate was fixed (recorded with the commitment or spend)
 * @param source where the rate comes from (e.g. {@code PBOC central parity}, a bank's quote), optional
 */
public record ExchangeRate(String from, String to, BigDecimal rate, Instant asOf, String source) {
    public static final int MAX_RATE_DECIMALS = 10;

    public ExchangeRate {
        Money.scale(from);
        Money.scale(to);
        if (rate == null || rate.signum() <= 0) {
            throw new ValidationException("rate", "rate must be a positive decimal");
        }
        if (rate.stripTrailingZeros().scale() > MAX_RATE_DECIMALS) {
            throw new ValidationException("rate", "rate has more than " + MAX_RATE_DECIMALS + " decimals");
        }
        if (asOf == null) {
            throw new ValidationException("rateAsOf", "the time the rate was fixed is required");
        }
        if (from.equals(to) && rate.compareTo(BigDecimal.ONE) != 0) {
            throw new ValidationException("rate", "the rate of " + from + " to itself is 1");
        }
        rate = rate.stripTrailingZeros();
    }

    /** The rate of a currency to itself: 1, no rounding ever happens. */
    public static ExchangeRate identity(String currency, Instant asOf) {
        return new ExchangeRate(currency, currency, BigDecimal.ONE, asOf, null);
    }

    public boolean isIdentity() {
        return from.equals(to) && rate.compareTo(BigDecimal.ONE) == 0;
    }

    /** {@code money} (in {@code from}) in {@code to}: amount × rate, rounded once to {@code to}'s scale. */
    public Money convert(Money money) {
        if (!money.currency().equals(from)) {
            throw new ValidationException("currency", "the rate converts " + from + ", not " + money.currency());
        }
        return Money.rounded(money.amount().multiply(rate), to);
    }
}
