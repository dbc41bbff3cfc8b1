package org.tongpao.donation;

import java.time.Instant;

/**
 * Goods an org unit received for use that came from a donation, read backwards from the unit's issue through the
 * lots to the donation line ({@code DonationService#receivedBy}): when, which item and how much, the donation's
 * number, the donor (or its anonymous label) and the designation.
 */
public record UnitDonation(Instant receivedAt, long itemId, String itemCode, long quantity, String donationNumber,
        String donor, DonorKind donorKind, String designation) {
}
