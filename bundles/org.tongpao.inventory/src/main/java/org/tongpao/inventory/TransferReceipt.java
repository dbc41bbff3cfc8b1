package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;
import javax.validation.constraints.Size;

/** What the receiving depot found: {@code damagedQuantity} is part of {@code receivedQuantity}. */
public record TransferReceipt(
        @NotNull @PositiveOrZero Long receivedQuantity,
        @PositiveOrZero Long damagedQuantity,
        @Size(max = 500) String note) {
}
