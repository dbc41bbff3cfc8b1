package org.tongpao.core;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

/** Request to change a catalogue item (all fields but the code); {@code version} as last read. */
public record ItemUpdate(
        @NotBlank @Pattern(regexp = Codes.REGEX) String categoryCode,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameZh,
        @NotBlank @Size(max = 16) String unit,
        @Size(max = 64) String standard,
        @Min(1) @Max(240) Integer shelfLifeMonths,
        @NotNull @Min(1) Long version) {
}
