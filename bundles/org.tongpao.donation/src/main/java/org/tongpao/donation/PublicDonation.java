package org.tongpao.donation;

import java.time.LocalDate;
import java.util.List;

/**
 * What the donor code shows, without login: the donation's number, status, designation, items and where the goods
 * went (by unit level and province). Nothing about people: no donor contact, no officer, no unit name.
 */
public record PublicDonation(String number, DonationStatus status, String designation, LocalDate firstReceivedOn,
        LocalDate lastReceivedOn, List<PublicItem> items, List<PublicDestination> destinations) {
}
