package org.tongpao.inventory;

import java.time.LocalDate;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/**
 * Goods arriving at a depot: creates a lot. {@code expiryDate} is required (and must not have passed) when
 * the item has a shelf life, and refused when it has none.
 */
public record NewReceipt(
        @NotNull Long depotId,
        @NotNull Long itemId,
        @NotNull @Positive Long quantity,
        @NotNull LotOrigin origin,
        @NotBlank @Size(max = 128) String sourceDocument,
        LocalDate expiryDate,
        @Size(max = 500) String note) {
}
