package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.donation.internal.DonationFixture.ADMIN;
import static org.tongpao.donation.internal.DonationFixture.HUBEI;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;
import static org.tongpao.donation.internal.DonationFixture.JIANGSU_DESK;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ValidationException;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationSummary;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;

/** Donations by province × category for the reports: pledged, received, accepted, rejected, passed on, delivered. */
class SummaryTest {
    private final DonationFixture f = new DonationFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void pledgedReceivedAndWhatWentOnwardFromTheDonatedLotsByProvinceAndCategory() {
        long donor = f.enterprise(HUBEI_DESK, "Jointown");
        Donation d = f.donations.pledge(HUBEI_DESK, f.medicines(donor, 100, DonationFixture.forHubei()), null);
        long root = f.donations.receive(HUBEI_DESK, d.id(), f.delivery("HB-PROV-01",
                f.accept(d.lines().get(0).id(), null, 80), f.noCertificate(d.lines().get(1).id(), f.item("MASK-KN95"),
                        3)), null).lines().get(0).lotId();
        Instant beforeOnward = f.clock.instant();
        // the donation desk's clock stands in February; the inventory books its movements at the real time, later
        long medicine = f.item("MEDICINE-GENERAL");
        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.depot("HB-PROV-01"))
                .toDepotId(f.depot("HB-WH-01")).itemId(medicine).quantity(50L).lotId(root).sourceDocument("SHIP-1")
                .build(), null);
        f.inventory.receiveTransfer(ADMIN, t.id(), 50, 0, null, null);
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.depot("HB-WH-01")).itemId(medicine).quantity(20L)
                .orgUnitId(f.unit("P42-WUHAN-JIANGAN-T01")).build(), null);

        List<DonationSummary> all = f.donations.summary(ADMIN, null, null);
        assertThat(all).containsExactly(
                // the masks pledged by description, matched to MASK-KN95 by the delivery
                new DonationSummary("42", "MASK", 500, 3, 0, 3, 0, 0),
                new DonationSummary("42", "MEDICINE", 100, 80, 80, 0, 50, 20));
        // the same for Hubei's readers; nothing for Jiangsu's desk
        assertThat(f.donations.summary(HUBEI, null, null)).isEqualTo(all);
        assertThat(f.donations.summary(JIANGSU_DESK, null, null)).isEmpty();
        // a period: before the onward movements only the intake; after it, only what went on
        assertThat(f.donations.summary(ADMIN, null, beforeOnward.plusSeconds(1))).extracting(
                DonationSummary::passedOn).containsOnly(0L);
        assertThat(f.donations.summary(ADMIN, beforeOnward.plusSeconds(1), null)).singleElement().isEqualTo(
                new DonationSummary("42", "MEDICINE", 0, 0, 0, 0, 50, 20));
        assertThatThrownBy(() -> f.donations.summary(ADMIN, beforeOnward, beforeOnward)).isInstanceOf(
                ValidationException.class);
        assertThatThrownBy(() -> f.donations.summary(DonationFixture.KEEPER, null, null)).isInstanceOf(
                AccessDeniedException.class);
    }
}
