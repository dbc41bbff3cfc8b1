package org.tongpao.donation;

/** A line of a donation: what was pledged and what arrived (accepted and rejected) so far. */
public record DonationLine(long id, int lineNo, Long itemId, String itemCode, String description, long pledgedQuantity,
        long acceptedQuantity, long rejectedQuantity) {
}
