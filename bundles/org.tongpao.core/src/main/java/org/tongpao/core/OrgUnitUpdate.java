package org.tongpao.core;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * Request to change an org unit. Code, level and parent are fixed once created (they feed the
 * province derivation of the whole subtree); {@code version} is the version the client last read.
 * A null {@code nameZh} clears it; a null {@code frontLine} keeps the current value.
 */
public record OrgUnitUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameZh,
        Boolean frontLine,
        @NotNull @Min(1) Long version) {
}
