package org.tongpao.allocation;

import javax.validation.constraints.Max;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** An offer from a depot of the caller's province to another province. */
public record NewMutualAidOffer(@NotNull Long fromDepotId, @NotNull Long itemId,
        @NotNull @Positive @Max(1_000_000_000L) Long quantity,
        @NotNull @Pattern(regexp = "[0-9]{2}") String toProvinceCode,
        @Size(max = 500) String note) {
}
