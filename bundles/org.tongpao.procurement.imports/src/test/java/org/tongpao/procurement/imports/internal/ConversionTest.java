package org.tongpao.procurement.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.funding.Money;

class ConversionTest {
    private static final Instant AT = Instant.parse("2026-02-01T02:00:00Z");

    @Test
    void aKrwLineIsRoundedOnceToWholeWon() {
        assertThat(Conversion.line(new BigDecimal("1250"), 200_000, "KRW")).isEqualTo(Money.of("250000000", "KRW"));
        // 1250.5 x 3 = 3751.5 won: half up to 3752, the only rounding
        assertThat(Conversion.line(new BigDecimal("1250.5"), 3, "KRW").amount()).isEqualByComparingTo("3752");
        assertThat(Conversion.line(new BigDecimal("1.2345"), 3, "USD").amount()).isEqualByComparingTo("3.70");
    }

    @Test
    void krwToCnyMultipliesExactlyAndRoundsOnceToTheFen() {
        // 250,000,000 KRW at 0.0052 = 1,300,000.00 CNY exactly
        assertThat(Conversion.toCny(Money.of("250000000", "KRW"), new BigDecimal("0.0052"), AT))
                .isEqualTo(Money.of("1300000.00", "CNY"));
        // 3,751 KRW at 0.005213 = 19.554863 -> 19.55; at 0.005215 = 19.561565 -> 19.56
        assertThat(Conversion.toCny(Money.of("3751", "KRW"), new BigDecimal("0.005213"), AT).amount())
                .isEqualByComparingTo("19.55");
        assertThat(Conversion.toCny(Money.of("3751", "KRW"), new BigDecimal("0.005215"), AT).amount())
                .isEqualByComparingTo("19.56");
        // exactly half a fen rounds up (funding's 四舍五入): 1 KRW at 0.005 = 0.005 -> 0.01
        assertThat(Conversion.toCny(Money.of("1", "KRW"), new BigDecimal("0.005"), AT).amount()).isEqualByComparingTo("0.01");
        assertThat(Conversion.toCny(Money.of("1", "KRW"), new BigDecimal("0.005"), AT).amount().scale()).isEqualTo(2);
    }

    @Test
    void theRateAtPaymentMakesAnExactDifference() {
        Money ordered = Conversion.toCny(Money.of("250000000", "KRW"), new BigDecimal("0.0052"), AT);
        Money paid = Conversion.toCny(Money.of("250000000", "KRW"), new BigDecimal("0.00531"), AT);
        assertThat(paid.amount()).isEqualByComparingTo("1327500.00");
        assertThat(Conversion.difference(ordered, paid).amount()).isEqualByComparingTo("27500.00");
        assertThat(Conversion.difference(paid, ordered).amount()).isEqualByComparingTo("-27500.00");
    }

    @Test
    void badRatesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Conversion.toCny(Money.of("1", "KRW"), new BigDecimal("0.00000000001"), AT))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rate"));
        assertThatThrownBy(() -> Conversion.toCny(Money.of("1", "KRW"), BigDecimal.ZERO, AT))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("rate"));
    }
}
