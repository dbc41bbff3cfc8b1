package org.tongpao.allocation;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/** What the receiving depot counted for one line: received (including damaged) and damaged. */
public record LineReceipt(@NotNull Long lineId, @NotNull @Min(0) Long receivedQuantity,
        @Min(0) Long damagedQuantity, @Size(max = 500) String note) {
}
