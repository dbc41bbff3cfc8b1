package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * REST body of {@link StockLedger#dispatch(org.tongpao.core.Caller, long, DispatchOrder, String)}.
 * {@code overrideReason} (1.6): a ministry-admin's recorded reason (10 characters or more) to send designated stock
 * where its designation does not allow.
 */
public record DispatchOrder(
        @NotNull Long toDepotId,
        @Size(max = 128) String sourceDocument,
        @Size(max = 500) String overrideReason) {

    /** The 1.5 form: no override. */
    public DispatchOrder(Long toDepotId, String sourceDocument) {
        this(toDepotId, sourceDocument, null);
    }
}
