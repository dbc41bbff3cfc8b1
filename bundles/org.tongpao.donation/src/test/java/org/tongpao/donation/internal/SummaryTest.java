package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.donation.internal.DonationFixture.ADMIN;
import static org.tongpao.donation.internal.DonationFixture.HUBEI;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;
import static org.tongpao.donation.internal.DonationFixture.JIANGSU_DESK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationSummary;
import org.tongpao.inventory.Lot;
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
        Donation d = f.hubeiMedicinesPledge("Jointown");
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

    /**
     * The grouped read ({@code StockLedger.onward}) answers as the former trace of each lot did: donations received in
     * two provinces, their lots issued to units, transferred on (received or still in transit) and split again at
     * random; every caller's summary over random periods is compared with the one computed the old way.
     */
    @Test
    void theGroupedReadAnswersAsATracePerLotDidOnRandomData() {
        Random random = new Random(20261207);
        long kn95 = f.item("MASK-KN95");
        List<Long> depots = List.of(f.depot("HB-PROV-01"), f.depot("HB-WH-01"), f.depot("JS-PROV-01"));
        List<Long> units = List.of(f.unit("P42-WUHAN-JIANGAN-T01"), f.unit("P42-WUHAN"));
        List<Long> live = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean jiangsu = i % 3 == 2;
            Caller desk = jiangsu ? JIANGSU_DESK : HUBEI_DESK;
            long donor = f.enterprise(desk, "Donor " + i);
            // undesignated, so the lots may move between provinces at random
            Donation d = f.donations.pledge(desk, f.medicines(donor, 100 + random.nextInt(100), null), null);
            f.donations.receive(desk, d.id(), f.delivery(jiangsu ? "JS-PROV-01" : i % 2 == 0 ? "HB-PROV-01"
                    : "HB-WH-01", f.accept(d.lines().get(0).id(), null, 60 + random.nextInt(40)),
                    f.accept(d.lines().get(1).id(), kn95, 100 + random.nextInt(300))), null).lines()
                    .forEach(l -> live.add(l.lotId()));
        }
        List<Instant> marks = new ArrayList<>(List.of(f.clock.instant()));
        for (int i = 0; i < 40; i++) {
            Lot lot = f.inventory.lot(ADMIN, live.get(random.nextInt(live.size())));
            long quantity = 1 + random.nextInt(10);
            if (lot.onHand() - lot.reserved() < quantity) {
                continue;
            }
            if (random.nextBoolean()) {
                f.inventory.issue(ADMIN, NewIssue.builder().depotId(lot.depotId()).itemId(lot.itemId())
                        .quantity(quantity).lotId(lot.id()).orgUnitId(units.get(random.nextInt(units.size())))
                        .build(), null);
            } else {
                long to = depots.stream().filter(x -> x != lot.depotId()).toList().get(random.nextInt(2));
                Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(lot.depotId())
                        .toDepotId(to).itemId(lot.itemId()).quantity(quantity).lotId(lot.id()).sourceDocument(
                                "SHIP-" + i).build(), null);
                if (random.nextInt(4) > 0) {
                    f.inventory.receiveTransfer(ADMIN, t.id(), quantity, 0, null, null);
                    f.inventory.trace(ADMIN, lot.id()).lots().stream().map(Lot::id).filter(x -> !live.contains(x))
                            .forEach(live::add);
                }
            }
            marks.add(Instant.now());
        }
        marks.add(Instant.now());
        Summaries grouped = new Summaries(f.donations.context());
        Summaries perLot = new Summaries(f.donations.context(), TracePerLot.over(f.inventory));
        List<DonationSummary> everything = grouped.summary(ADMIN, null, null);
        // the data do reach every column the grouped read answers, so the comparison below can fail
        assertThat(everything).anySatisfy(x -> assertThat(x.passedOn()).isPositive());
        assertThat(everything).anySatisfy(x -> assertThat(x.delivered()).isPositive());
        assertThat(live).hasSizeGreaterThan(12);
        marks.sort(Comparator.naturalOrder());
        for (Caller caller : List.of(ADMIN, HUBEI, JIANGSU_DESK)) {
            assertThat(grouped.summary(caller, null, null)).isEqualTo(perLot.summary(caller, null, null));
            for (int i = 0; i < 8; i++) {
                Instant from = marks.get(random.nextInt(marks.size() - 1));
                Instant to = marks.stream().filter(x -> x.isAfter(from)).findFirst().orElseThrow();
                Instant later = marks.get(marks.size() - 1).isAfter(to) ? marks.get(marks.size() - 1) : to;
                Instant until = random.nextBoolean() ? to : later;
                assertThat(grouped.summary(caller, from, until)).as(caller.user() + " " + from + " to " + until)
                        .isEqualTo(perLot.summary(caller, from, until));
            }
        }
    }
}
