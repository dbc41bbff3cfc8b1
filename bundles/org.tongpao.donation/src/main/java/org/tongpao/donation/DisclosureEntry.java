package org.tongpao.donation;

import java.time.LocalDate;
import java.util.List;

/**
 * One donation on the public disclosure list: from whom ({@code donor} is the donor's name, or an anonymous label
 * when the donor asked for it or was erased), what was accepted or rejected, and where it went. No personal data.
 */
public record DisclosureEntry(String number, String donor, DonorKind donorKind, String provinceCode,
        DonationStatus status, String designation, LocalDate lastReceivedOn, List<PublicItem> items,
        List<PublicDestination> destinations) {
}
