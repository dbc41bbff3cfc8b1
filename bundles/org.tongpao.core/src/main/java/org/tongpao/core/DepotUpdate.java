package org.tongpao.core;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/** Request to change a depot's name and address; the owner is fixed (stock history hangs on it). */
public record DepotUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String address,
        @NotNull @Min(1) Long version) {
}
