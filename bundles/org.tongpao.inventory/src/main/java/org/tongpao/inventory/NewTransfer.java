package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** A direct transfer out (no reservation): FEFO unless {@code lotId} names the lot. */
public record NewTransfer(
        @NotNull Long fromDepotId,
        @NotNull Long toDepotId,
        @NotNull Long itemId,
        @NotNull @Positive Long quantity,
        Long lotId,
        @Size(max = 128) String sourceDocument,
        @Size(max = 500) String note) {
}
