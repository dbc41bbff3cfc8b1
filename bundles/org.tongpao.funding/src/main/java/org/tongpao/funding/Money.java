package org.tongpao.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.tongpao.core.ValidationException;

/**
 * An exact amount of money in an ISO 4217 currency. The amount always has the currency's scale (CNY and USD 2,
 * KRW and JPY 0): {@link #of} refuses more decimals than that, and the only rounding is explicit, in
 * {@link #rounded}, {@link #times} and {@link ExchangeRate#convert}, with {@link #ROUNDING} (half up, the
 * usual 四舍五入 of Chinese bookkeeping). Never built from a {@code double}.
 *
 * @param amount   the amount at the currency's scale; may be negative (an adjustment)
 * @param currency the ISO 4217 code, e.g. {@code CNY}
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
    /** The rounding of every computed amount. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    /** The currency of budget lines. */
    public static final String CNY = "CNY";

    public Money {
        if (amount == null) {
            throw new ValidationException("amount", "amount is required");
        }
        int scale = scale(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new ValidationException("amount", "amount " + amount.toPlainString() + " has more decimals than "
                    + currency + " allows (" + scale + ")");
        }
        amount = amount.setScale(scale);
    }

    /** An exact amount: more decimals than the currency has is a 400 naming {@code amount}. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** {@link #of} from decimal text, e.g. {@code Money.of("1250.50", "CNY")}. */
    public static Money of(String amount, String currency) {
        if (amount == null) {
            throw new ValidationException("amount", "amount is required");
        }
        try {
            return new Money(new BigDecimal(amount.strip()), currency);
        } catch (NumberFormatException e) {
            throw new ValidationException("amount", "amount must be a decimal number");
        }
    }

    /** Any decimal rounded to the currency's scale with {@link #ROUNDING}. */
    public static Money rounded(BigDecimal amount, String currency) {
        if (amount == null) {
            throw new ValidationException("amount", "amount is required");
        }
        return new Money(amount.setScale(scale(currency), ROUNDING), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The number of decimals of an ISO 4217 currency; a 400 naming {@code currency} for an unknown code. */
    public static int scale(String currency) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new ValidationException("currency", "currency must be an ISO 4217 code such as CNY");
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits < 0) {
                throw new ValidationException("currency", currency + " is not a currency money can be counted in");
            }
            return digits;
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "unknown currency " + currency);
        }
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /** This amount times a factor (a quantity, a share), rounded with {@link #ROUNDING}. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Compares amounts of one currency; another currency is an {@link IllegalArgumentException}. */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency
                    + " without an exchange rate");
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
