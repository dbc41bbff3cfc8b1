package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/** REST body of {@link InventoryService#dispatch}. */
public record DispatchOrder(
        @NotNull Long toDepotId,
        @Size(max = 128) String sourceDocument) {
}
