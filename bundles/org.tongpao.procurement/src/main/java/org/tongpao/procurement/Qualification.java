package org.tongpao.procurement;

import java.time.LocalDate;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;
import javax.validation.constraints.Size;

/**
 * What a supplier is qualified to deliver: an item, the standard it is certified to (e.g. {@code GB 19083-2010}
 * for medical protective masks), how much a week, how many days from order to the first delivery, and the
 * certificate (optional, with its end of validity). {@code itemCode} is filled in by the platform.
 */
public record Qualification(@NotNull Long itemId, String itemCode, @NotBlank @Size(max = 64) String standard,
        @NotNull @PositiveOrZero Long weeklyCapacity, @NotNull @PositiveOrZero Integer leadTimeDays,
        @Size(max = 100) String certificate, LocalDate validUntil) {
}
