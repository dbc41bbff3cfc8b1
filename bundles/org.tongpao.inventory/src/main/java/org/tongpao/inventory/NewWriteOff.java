package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** Removes stock of one lot from the books (EXPIRED, DAMAGED); allowed on any lot status. */
public record NewWriteOff(
        @NotNull Long lotId,
        @NotNull @Positive Long quantity,
        @NotNull WriteOffReason reason,
        @Size(max = 128) String sourceDocument,
        @Size(max = 500) String note) {
}
