package org.tongpao.inventory;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/** Quarantine, recall, expire or release a lot; the reason goes to the audit trail. */
public record LotStatusChange(
        @NotNull LotStatus status,
        @NotBlank @Size(max = 500) String reason) {
}
