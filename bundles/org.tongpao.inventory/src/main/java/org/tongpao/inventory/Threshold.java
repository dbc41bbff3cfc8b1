package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;

/** Stock levels of one item in one depot that raise {@code LOW_STOCK} when available falls to them. */
public record Threshold(
        @NotNull Long depotId,
        @NotNull Long itemId,
        @NotNull @PositiveOrZero Long minimumLevel,
        @NotNull @PositiveOrZero Long reorderLevel) {
}
