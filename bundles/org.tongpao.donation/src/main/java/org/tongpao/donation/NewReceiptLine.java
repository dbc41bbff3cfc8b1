package org.tongpao.donation;

import java.time.LocalDate;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * One line of a delivery and its inspection. Against a pledge, {@code donationLineId} names the pledged line
 * ({@code itemId} then matches a line pledged as a free description, or must equal the line's item); without
 * {@code donationLineId} the line is goods that were not pledged and {@code itemId} is required. Quality: the
 * standard and whether the goods match it, whether a certificate is present (its number), expiry, packaging.
 * Goods are accepted only when they match the standard, carry a certificate and are intact; rejected quantities
 * need a reason and a disposition.
 */
public record NewReceiptLine(Long donationLineId, Long itemId, @NotNull Priority priority,
        @Size(max = 64) String standard, @NotNull Boolean standardMatched, @NotNull Boolean certificatePresent,
        @Size(max = 100) String certificateNumber, LocalDate expiryDate, @NotNull Boolean packagingIntact,
        @NotNull Long acceptedQuantity, @NotNull Long rejectedQuantity, @Size(max = 300) String rejectReason,
        Disposition disposition, @Size(max = 300) String dispositionNote) {
}
