package org.tongpao.donation;

import java.util.List;

/**
 * From a donation to the units that received it: each lot it became with the inventory's trace, and the summary
 * of where the goods are ({@code destinations}, by unit level and province, as the public sees it).
 * {@code nextCursor} (1.1): on a trace read a page at a time ({@link DonationService#trace(org.tongpao.core.Caller,
 * long, int, String)}), the next page's cursor, null on the last page; {@code destinations} then come with the
 * first page only (summed over every lot), and a lot split over pages appears on each with that page's part.
 */
public record DonationTrace(long donationId, String number, DonorDesignation designation, List<TracedLot> lots,
        List<PublicDestination> destinations, String nextCursor) {

    /** The 1.0 form: a whole trace. */
    public DonationTrace(long donationId, String number, DonorDesignation designation, List<TracedLot> lots,
            List<PublicDestination> destinations) {
        this(donationId, number, designation, lots, destinations, null);
    }
}
