package org.tongpao.allocation;

import java.time.LocalDate;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/**
 * Request to record a need. Exactly one of {@code itemId} and {@code categoryCode}. {@code frontLine}
 * defaults to the org unit's flag; {@code receivingDepotId} defaults to the first active depot of the
 * unit or its nearest ancestor when a plan is made. {@code deliverToUnit} (1.4) asks for delivery straight to the
 * unit (a front-line station without a depot): plan lines then go to the unit, and it excludes
 * {@code receivingDepotId}.
 */
public record NewNeed(
        @NotNull Long orgUnitId,
        Long itemId,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}") String categoryCode,
        @NotNull @Positive @Max(1_000_000_000L) Long quantity,
        @NotNull Urgency urgency,
        Boolean frontLine,
        LocalDate neededBy,
        @Size(max = 2000) String justification,
        @Min(0) @Max(3650) Integer daysOfCoverLeft,
        Long receivingDepotId,
        Boolean deliverToUnit) {

    /** The 1.3 form: delivered to a depot. */
    public NewNeed(Long orgUnitId, Long itemId, String categoryCode, Long quantity, Urgency urgency, Boolean frontLine,
            LocalDate neededBy, String justification, Integer daysOfCoverLeft, Long receivingDepotId) {
        this(orgUnitId, itemId, categoryCode, quantity, urgency, frontLine, neededBy, justification, daysOfCoverLeft,
                receivingDepotId, null);
    }
}
