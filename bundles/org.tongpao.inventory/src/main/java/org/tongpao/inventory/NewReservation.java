package org.tongpao.inventory;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** REST body of {@link InventoryService#reserve}. */
public record NewReservation(
        @NotNull Long depotId,
        @NotNull Long itemId,
        @NotNull @Positive Long quantity,
        @NotBlank @Size(max = 128) String holder) {
}
