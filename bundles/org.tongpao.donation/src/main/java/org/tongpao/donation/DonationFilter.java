package org.tongpao.donation;

/** Filters of the donation list; each may be null. */
public record DonationFilter(DonationStatus status, Long donorId, String provinceCode) {
}
