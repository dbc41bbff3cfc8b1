package org.tongpao.inventory;

import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;
import javax.validation.constraints.Size;

/**
 * A province's report. The system figures are taken from its depots' balances at submission; only stock
 * held outside the system is declared here (may be empty).
 */
public record CensusSubmission(@Size(max = 200) List<@Valid @NotNull Declared> declared) {

    public record Declared(@NotBlank String categoryCode, @NotNull @PositiveOrZero Long quantity,
            @Size(max = 500) String note) {
    }
}
