package org.tongpao.donation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A delivery received against a donation. {@code acknowledgementNumber} is set when something was accepted (the
 * numbers run without gaps or duplicates); {@code donationStatus} is the donation's status after it.
 */
public record DonationReceipt(long id, long donationId, String donationNumber, long depotId, String depotCode,
        LocalDate receivedOn, String deliveryNote, String note, String acknowledgementNumber, String receivedBy,
        Instant receivedAt, List<DonationReceiptLine> lines, DonationStatus donationStatus) {
}
