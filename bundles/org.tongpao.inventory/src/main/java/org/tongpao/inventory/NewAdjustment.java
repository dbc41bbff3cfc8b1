package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/** A signed correction of one lot's on-hand quantity (COUNT, DAMAGE, LOSS, FOUND); never zero. */
public record NewAdjustment(
        @NotNull Long lotId,
        @NotNull Long quantity,
        @NotNull AdjustmentReason reason,
        @Size(max = 128) String sourceDocument,
        @Size(max = 500) String note) {
}
