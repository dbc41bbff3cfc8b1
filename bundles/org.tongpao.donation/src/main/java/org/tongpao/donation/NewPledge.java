package org.tongpao.donation;

import java.time.LocalDate;
import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * A donor's pledge: lines, when the goods are expected, and an optional designation. {@code provinceCode} is the
 * desk's province that handles it (a province's officer: always its own).
 */
public record NewPledge(@NotNull Long donorId, String provinceCode, LocalDate expectedDate,
        @Valid DonorDesignation designation, @Size(max = 500) String note,
        @NotNull @Size(min = 1, max = 200) @Valid List<NewPledgeLine> lines) {
}
