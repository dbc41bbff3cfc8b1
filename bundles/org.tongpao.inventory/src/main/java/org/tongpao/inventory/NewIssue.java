package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** Stock handed to an org unit; picked first-expiry-first-out unless {@code lotId} names the lot. */
public record NewIssue(
        @NotNull Long depotId,
        @NotNull Long itemId,
        @NotNull @Positive Long quantity,
        @NotNull Long orgUnitId,
        Long lotId,
        @Size(max = 128) String sourceDocument,
        @Size(max = 500) String note) {
}
