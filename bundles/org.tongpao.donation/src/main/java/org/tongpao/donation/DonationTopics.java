package org.tongpao.donation;

/**
 * EventAdmin topics of the donation bundle, recorded on the kit's outbox in the write's transaction (posted after
 * commit, so a province's donations reach central through federation). Properties: {@code id}/{@code donationId},
 * {@code number}, {@code provinceCode} (empty for the ministry's), {@code actor}, {@code requestId}; never a
 * donor's contact.
 */
public final class DonationTopics {
    public static final String PREFIX = "org/tongpao/donation/";
    public static final String DONOR_REGISTERED = PREFIX + "DONOR_REGISTERED";
    public static final String DONOR_ERASED = PREFIX + "DONOR_ERASED";
    public static final String PLEDGED = PREFIX + "PLEDGED";
    public static final String RECEIPT_RECORDED = PREFIX + "RECEIPT_RECORDED";
    public static final String PARTLY_RECEIVED = PREFIX + "PARTLY_RECEIVED";
    public static final String RECEIVED = PREFIX + "RECEIVED";
    public static final String CANCELLED = PREFIX + "CANCELLED";

    private DonationTopics() {
    }
}
