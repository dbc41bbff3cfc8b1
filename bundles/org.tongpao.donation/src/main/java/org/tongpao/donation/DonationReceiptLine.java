package org.tongpao.donation;

import java.time.LocalDate;

/** A received line as inspected, and the inventory lot its accepted quantity became (null when none). */
public record DonationReceiptLine(long id, long donationLineId, long itemId, String itemCode, Priority priority,
        String standard, boolean standardMatched, boolean certificatePresent, String certificateNumber,
        LocalDate expiryDate, boolean packagingIntact, long acceptedQuantity, long rejectedQuantity,
        String rejectReason, Disposition disposition, String dispositionNote, Long lotId) {
}
