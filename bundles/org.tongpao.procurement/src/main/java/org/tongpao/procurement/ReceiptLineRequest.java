package org.tongpao.procurement;

import java.time.LocalDate;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;
import javax.validation.constraints.Size;

/**
 * What arrived for one order line and what inspection found: the standard on the goods' certificate (must be
 * the line's), the certificate number and production batch (required when anything is accepted), the expiry
 * date (required for items with a shelf life), the quantities accepted and rejected (a rejection needs a reason).
 */
public record ReceiptLineRequest(@NotNull Long orderLineId, @NotNull @PositiveOrZero Long acceptedQuantity,
        @PositiveOrZero Long rejectedQuantity, @Size(max = 500) String rejectReason, @Size(max = 64) String standard,
        @Size(max = 100) String certificateNumber, @Size(max = 100) String productionBatch, LocalDate expiryDate) {
}
