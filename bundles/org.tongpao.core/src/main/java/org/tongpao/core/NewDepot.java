package org.tongpao.core;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

/** Request to create a depot owned by the (active) org unit {@code orgUnitId}. */
public record NewDepot(
        @NotBlank @Pattern(regexp = Codes.REGEX) String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull Long orgUnitId,
        @Size(max = 500) String address) {
}
