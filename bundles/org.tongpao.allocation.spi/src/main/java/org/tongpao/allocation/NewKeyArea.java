package org.tongpao.allocation;

import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

/** Exactly one of {@code provinceCode} and {@code orgUnitId}; {@code label} defaults to the province or unit name. */
public record NewKeyArea(@Pattern(regexp = "[0-9]{2}") String provinceCode, Long orgUnitId,
        @Size(max = 200) String label) {
}
