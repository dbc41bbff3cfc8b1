package org.tongpao.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.PositiveOrZero;

/**
 * A line to order. {@code currency} may be left out (the order's); another currency than the order's is refused.
 * {@code unitPrice} has at most 4 decimals.
 */
public record NewOrderLine(@NotNull Long itemId, @NotNull @Positive Long quantity,
        @NotNull @PositiveOrZero BigDecimal unitPrice, String currency, @NotNull LocalDate promisedDate) {
}
