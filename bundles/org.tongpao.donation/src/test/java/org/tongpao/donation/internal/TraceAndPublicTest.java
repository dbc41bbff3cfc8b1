package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.donation.internal.DonationFixture.ADMIN;
import static org.tongpao.donation.internal.DonationFixture.HUBEI;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;
import static org.tongpao.donation.internal.DonationFixture.JIANGSU_DESK;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.Page;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.donation.DisclosureEntry;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationTrace;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonor;
import org.tongpao.donation.PublicDestination;
import org.tongpao.donation.PublicDonation;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;

/**
 * A designated donation split over two transfers, one of them issued to a front-line team: the donation's trace
 * reaches every lot and the team; the public answers say where the goods went by level and province and hold no
 * personal data; the designation keeps the goods out of Jiangsu.
 */
class TraceAndPublicTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DonationFixture f = new DonationFixture();
    private final JdbcDonationService s = f.donations;

    @AfterEach
    void close() {
        f.close();
    }

    private record Story(Donation donation, long root, long station) {
    }

    /** 100 medicines for Hubei received at the provincial depot, 60 and 30 sent on to Wuhan, 25 issued to T01. */
    private Story story() {
        long donor = s.registerDonor(HUBEI_DESK, new NewDonor(DonorKind.INDIVIDUAL, "Wang Fang", null, null,
                false, DonationFixture.CONTACT), null).id();
        Donation d = s.pledge(HUBEI_DESK, f.medicines(donor, 100, DonationFixture.forHubei()), null);
        DonationReceipt r = s.receive(HUBEI_DESK, d.id(), f.delivery("HB-PROV-01",
                f.accept(d.lines().get(0).id(), null, 100)), null);
        long root = r.lines().get(0).lotId();
        long medicine = f.item("MEDICINE-GENERAL");
        for (long q : new long[] {60, 30}) {
            Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.depot("HB-PROV-01"))
                    .toDepotId(f.depot("HB-WH-01")).itemId(medicine).quantity(q).lotId(root)
                    .sourceDocument("SHIP-" + q).build(), null);
            f.inventory.receiveTransfer(ADMIN, t.id(), q, 0, null, null);
        }
        long station = f.unit("P42-WUHAN-JIANGAN-T01");
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.depot("HB-WH-01")).itemId(medicine).quantity(25L)
                .orgUnitId(station).build(), null);
        return new Story(d, root, station);
    }

    @Test
    void theTraceFollowsTheSplitLotToTheFrontLineTeam() {
        Story st = story();
        DonationTrace t = s.trace(HUBEI, st.donation().id());
        assertThat(t.lots()).singleElement().satisfies(l -> {
            assertThat(l.lotId()).isEqualTo(st.root());
            assertThat(l.acknowledgementNumber()).isEqualTo("JZQR-000001");
            assertThat(l.trace().lots()).hasSize(3);
            assertThat(l.trace().transfers()).extracting(Transfer::sourceDocument).containsExactly("SHIP-60",
                    "SHIP-30");
            assertThat(l.trace().receivers()).singleElement().satisfies(r -> {
                assertThat(r.unitCode()).isEqualTo("P42-WUHAN-JIANGAN-T01");
                assertThat(r.quantity()).isEqualTo(25);
            });
            assertThat(l.trace().lots()).extracting(Lot::designation).allSatisfy(d ->
                    assertThat(d.provinceCode()).isEqualTo("42"));
        });
        assertThat(t.destinations()).extracting(PublicDestination::kind, PublicDestination::level,
                PublicDestination::frontLine, PublicDestination::quantity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("DELIVERED", "STATION", true, 25L),
                org.assertj.core.groups.Tuple.tuple("IN_STOCK", "PREFECTURE", false, 65L),
                org.assertj.core.groups.Tuple.tuple("IN_STOCK", "PROVINCE", false, 10L));
        assertThatThrownBy(() -> s.trace(JIANGSU_DESK, st.donation().id())).isInstanceOf(NotFoundException.class);

        // a page at a time (5 of the pledged masks arrive too, so the pages cross from one lot to the next): the
        // same lots, the summary on the first page only, a forged cursor refused naming it
        s.receive(HUBEI_DESK, st.donation().id(), f.delivery("HB-PROV-01", f.accept(st.donation().lines().get(1).id(),
                f.item("MASK-KN95"), 5)), null);
        DonationTrace whole = s.trace(HUBEI, st.donation().id());
        List<Long> paged = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            DonationTrace page = s.trace(HUBEI, st.donation().id(), 2, cursor);
            assertThat(page.lots().stream().mapToInt(l -> l.trace().lots().size()).sum()).isBetween(1, 2);
            page.lots().forEach(l -> l.trace().lots().forEach(x -> paged.add(x.id())));
            assertThat(page.destinations()).isEqualTo(cursor == null ? whole.destinations() : List.of());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(whole.lots().stream()
                .flatMap(l -> l.trace().lots().stream().map(Lot::id)).toList());
        assertThat(pages).isEqualTo(2);
        assertThat(s.trace(HUBEI, st.donation().id(), 3, null).lots().get(0).trace().receivers()).hasSize(1);
        assertThatThrownBy(() -> s.trace(HUBEI, st.donation().id(), 2, "bm90LWEtY3Vyc29y")).isInstanceOf(
                ValidationException.class).extracting(e -> ((ValidationException) e).field()).isEqualTo("cursor");

        // the reverse: from the team's receipt back to the donation and its donor
        assertThat(s.receivedBy(HUBEI_DESK, st.station(), 50, null).items()).singleElement().satisfies(u -> {
            assertThat(u.donationNumber()).isEqualTo(st.donation().number());
            assertThat(u.donor()).isEqualTo("Wang Fang");
            assertThat(u.quantity()).isEqualTo(25);
            assertThat(u.itemCode()).isEqualTo("MEDICINE-GENERAL");
        });
        assertThatThrownBy(() -> s.receivedBy(JIANGSU_DESK, st.station(), 50, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> s.receivedBy(HUBEI_DESK, 987_654_321L, 50, null))
                .isInstanceOf(NotFoundException.class);

        // designated for Hubei: not to Jiangsu, unless the ministry admin says why
        long medicine = f.item("MEDICINE-GENERAL");
        long derived = t.lots().get(0).trace().lots().get(1).id();
        NewTransfer toJiangsu = NewTransfer.builder().fromDepotId(f.depot("HB-WH-01")).toDepotId(f.depot("JS-PROV-01"))
                .itemId(medicine).quantity(5L).lotId(derived).build();
        assertThatThrownBy(() -> f.inventory.transferOut(ADMIN, toJiangsu, null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("province 42");
    }

    @Test
    void thePublicAnswersSayWhereTheGoodsWentAndHoldNoPersonalData() throws Exception {
        Story st = story();
        String code = s.acknowledgement(HUBEI_DESK, s.receipts(HUBEI_DESK, st.donation().id()).get(0).id(), null)
                .donorCode();
        s.registerDonor(JIANGSU_DESK, new NewDonor(DonorKind.INDIVIDUAL, "Liu Yang", null, null, true,
                DonationFixture.CONTACT), null);

        PublicDonation mine = s.publicDonation(code.toLowerCase().replace("-", " "));
        assertThat(mine.number()).isEqualTo(st.donation().number());
        assertThat(mine.designation()).contains("Hubei");
        assertThat(mine.destinations()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("DELIVERED");
            assertThat(d.frontLine()).isTrue();
            assertThat(d.provinceCode()).isEqualTo("42");
        });
        Page<DisclosureEntry> list = s.disclosure(50, null);
        assertThat(list.items()).singleElement().satisfies(e -> {
            assertThat(e.donor()).isEqualTo("Wang Fang");
            assertThat(e.items().get(0).accepted()).isEqualTo(100);
        });
        String csv = DisclosureCsv.csv(Spreadsheets.standalone(), list.items());
        assertThat(csv.replace("\uFEFF", "")).startsWith("number,donor,donorKind")
                .contains("DELIVERED STATION front line 42: 25");
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        DisclosureCsv.write(Spreadsheets.standalone(), SheetFormat.XLSX, list.items(), xlsx);
        try (SheetReader sheet = Spreadsheets.standalone().read(SheetFormat.XLSX,
                new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(sheet.headers()).isEqualTo(DisclosureCsv.HEADERS);
        }

        for (String answer : List.of(JSON.writeValueAsString(mine), JSON.writeValueAsString(list), csv)) {
            assertThat(answer).doesNotContain(DonationFixture.CONTACT.name()).doesNotContain(
                    DonationFixture.CONTACT.phone()).doesNotContain(DonationFixture.CONTACT.email())
                    .doesNotContain(DonationFixture.CONTACT.address()).doesNotContain("P42-WUHAN-JIANGAN-T01")
                    .doesNotContain("hubei-donor-desk").doesNotContain("contact");
        }
        // once erased (or anonymous), the donor is not named in public either
        s.eraseDonor(HUBEI_DESK, st.donation().donorId(), "asked by phone", null);
        assertThat(s.disclosure(50, null).items().get(0).donor()).isEqualTo(DonorDao.ANONYMOUS);
        assertThat(JSON.writeValueAsString(s.disclosure(50, null))).doesNotContain("Wang Fang");

        assertThatThrownBy(() -> s.publicDonation("0000-0000-0000-0000-0000")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> s.publicDonation("'; DROP TABLE x")).isInstanceOf(NotFoundException.class);
    }
}
