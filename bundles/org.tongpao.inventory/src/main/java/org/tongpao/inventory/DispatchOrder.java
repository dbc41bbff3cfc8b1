package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/** REST body of {@link StockLedger#dispatch(org.tongpao.core.Caller, long, DispatchOrder, String)}. */
public record DispatchOrder(
        @NotNull Long toDepotId,
        @Size(max = 128) String sourceDocument) {
}
