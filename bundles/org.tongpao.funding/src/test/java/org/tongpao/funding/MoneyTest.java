package org.tongpao.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;

class MoneyTest {
    private static final Instant AT = Instant.parse("2026-02-03T04:00:00Z");

    @Test
    void amountsTakeTheCurrencysScale() {
        assertThat(Money.of("12.5", "CNY").amount()).isEqualByComparingTo("12.50").hasToString("12.50");
        assertThat(Money.of("1000", "KRW").amount()).hasToString("1000");
        assertThat(Money.of("1.500", "CNY").amount()).hasToString("1.50");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasIsRefusedNotRounded() {
        assertThatThrownBy(() -> Money.of("0.005", "CNY")).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("amount");
        assertThatThrownBy(() -> Money.of("10.5", "KRW")).isInstanceOf(ValidationException.class);
    }

    @Test
    void unknownCurrenciesNameTheField() {
        assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("currency");
        assertThatThrownBy(() -> Money.of("1", "cny")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.of("abc", "CNY")).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("amount");
    }

    @Test
    void explicitRoundingIsHalfUp() {
        assertThat(Money.rounded(new BigDecimal("0.005"), "CNY").amount()).hasToString("0.01");
        assertThat(Money.rounded(new BigDecimal("0.015"), "CNY").amount()).hasToString("0.02");
        assertThat(Money.rounded(new BigDecimal("0.0049"), "CNY").amount()).hasToString("0.00");
        assertThat(Money.rounded(new BigDecimal("-0.005"), "CNY").amount()).hasToString("-0.01");
        assertThat(Money.rounded(new BigDecimal("2.5"), "KRW").amount()).hasToString("3");
    }

    @Test
    void arithmeticIsExact() {
        // the sum a double gets wrong (0.1 + 0.2 = 0.30000000000000004)
        assertThat(Money.of("0.10", "CNY").plus(Money.of("0.20", "CNY"))).isEqualTo(Money.of("0.30", "CNY"));
        Money sum = Money.zero("CNY");
        for (int i = 0; i < 1000; i++) {
            sum = sum.plus(Money.of("0.01", "CNY"));
        }
        assertThat(sum).isEqualTo(Money.of("10", "CNY"));
        assertThat(Money.of("100", "CNY").minus(Money.of("0.01", "CNY")).amount()).hasToString("99.99");
        assertThat(Money.of("3.33", "CNY").times(new BigDecimal("3"))).isEqualTo(Money.of("9.99", "CNY"));
        assertThat(Money.of("10.00", "CNY").times(new BigDecimal("0.333"))).isEqualTo(Money.of("3.33", "CNY"));
    }

    @Test
    void currenciesDoNotMixWithoutARate() {
        assertThatThrownBy(() -> Money.of("1", "CNY").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exchange rate");
        assertThatThrownBy(() -> Money.of("1", "CNY").compareTo(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conversionMultipliesExactlyAndRoundsOnce() {
        ExchangeRate krw = new ExchangeRate("KRW", "CNY", new BigDecimal("0.005237"), AT, "bank quote");
        // 1,234,567 × 0.005237 = 6465.427379 → 6465.43
        assertThat(krw.convert(Money.of("1234567", "KRW"))).isEqualTo(Money.of("6465.43", "CNY"));
        // 1 × 0.005237 = 0.005237 → 0.01 (half up on the third decimal)
        assertThat(krw.convert(Money.of("1", "KRW"))).isEqualTo(Money.of("0.01", "CNY"));
        ExchangeRate usd = new ExchangeRate("USD", "CNY", new BigDecimal("7.1234"), AT, null);
        // 0.05 × 7.1234 = 0.35617 → 0.36
        assertThat(usd.convert(Money.of("0.05", "USD"))).isEqualTo(Money.of("0.36", "CNY"));
        ExchangeRate toKrw = new ExchangeRate("CNY", "KRW", new BigDecimal("190.95"), AT, null);
        // 10.01 × 190.95 = 1911.4095 → 1911 (KRW has no decimals)
        assertThat(toKrw.convert(Money.of("10.01", "CNY"))).isEqualTo(Money.of("1911", "KRW"));
    }

    @Test
    void ratesAreCheckedAndIdentityChangesNothing() {
        assertThatThrownBy(() -> new ExchangeRate("KRW", "CNY", new BigDecimal("0"), AT, null))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("rate");
        assertThatThrownBy(() -> new ExchangeRate("KRW", "CNY", new BigDecimal("0.00000000001"), AT, null))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("rate");
        assertThatThrownBy(() -> new ExchangeRate("CNY", "CNY", new BigDecimal("2"), AT, null))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("rate");
        assertThatThrownBy(() -> new ExchangeRate("KRW", "CNY", BigDecimal.ONE, null, null))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("rateAsOf");
        assertThatThrownBy(() -> new ExchangeRate("KRW", "CNY", BigDecimal.ONE, AT, null).convert(Money.of("1", "USD")))
                .isInstanceOf(ValidationException.class);
        ExchangeRate same = ExchangeRate.identity("CNY", AT);
        assertThat(same.isIdentity()).isTrue();
        assertThat(same.convert(Money.of("123.45", "CNY"))).isEqualTo(Money.of("123.45", "CNY"));
    }
}
