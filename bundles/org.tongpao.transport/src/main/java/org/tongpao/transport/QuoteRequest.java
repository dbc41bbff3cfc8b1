package org.tongpao.transport;

import java.math.BigDecimal;
import javax.validation.constraints.DecimalMax;
import javax.validation.constraints.DecimalMin;
import javax.validation.constraints.Digits;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import org.tongpao.transport.api.TransportMode;

/** What to price with every carrier before choosing one: from a depot to a depot, packages and weight. */
public record QuoteRequest(
        @NotNull Long fromDepotId,
        @NotNull Long toDepotId,
        @NotNull @Min(1) @Max(100_000) Integer packages,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal weightKg,
        TransportMode mode) {
}
