package org.tongpao.transport;

import java.time.Instant;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

/**
 * A pass that lets a vehicle into a locked-down area: number, issuing authority, validity, the vehicle's
 * plate and its driver. A shipment into a key area cannot be dispatched without a pass valid at that moment.
 */
public record EntryPass(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]*") String number,
        @NotBlank @Size(max = 200) String authority,
        @NotNull Instant validFrom,
        @NotNull Instant validUntil,
        @NotBlank @Size(max = 20) String vehiclePlate,
        @NotBlank @Size(max = 100) String driver) {

    /** Whether the pass is valid at {@code t}. */
    public boolean validAt(Instant t) {
        return !t.isBefore(validFrom) && t.isBefore(validUntil);
    }
}
