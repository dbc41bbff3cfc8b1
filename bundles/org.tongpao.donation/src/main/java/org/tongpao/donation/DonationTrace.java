package org.tongpao.donation;

import java.util.List;

/**
 * From a donation to the units that received it: each lot it became with the inventory's trace, and the summary
 * of where the goods are ({@code destinations}, by unit level and province, as the public sees it).
 */
public record DonationTrace(long donationId, String number, DonorDesignation designation, List<TracedLot> lots,
        List<PublicDestination> destinations) {
}
