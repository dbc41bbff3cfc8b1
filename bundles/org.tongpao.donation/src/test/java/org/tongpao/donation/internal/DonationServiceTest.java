package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.donation.internal.DonationFixture.ADMIN;
import static org.tongpao.donation.internal.DonationFixture.AUDITOR;
import static org.tongpao.donation.internal.DonationFixture.DESK;
import static org.tongpao.donation.internal.DonationFixture.HUBEI;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;
import static org.tongpao.donation.internal.DonationFixture.JIANGSU_DESK;
import static org.tongpao.donation.internal.DonationFixture.KEEPER;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationStatus;
import org.tongpao.donation.Donor;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewDonor;
import org.tongpao.donation.NewPledge;
import org.tongpao.donation.NewPledgeLine;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;

class DonationServiceTest {
    private final DonationFixture f = new DonationFixture();
    private final JdbcDonationService s = f.donations;

    @AfterEach
    void close() {
        f.close();
    }

    static String field(Throwable e) {
        if (e instanceof ValidationException v) {
            return v.field();
        }
        if (e instanceof ConflictException c) {
            return c.field();
        }
        return e instanceof NotFoundException n ? n.field() : null;
    }

    private long count(String tableAndWhere) {
        return Transactions.read(f.ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM " + tableAndWhere, List.of()));
    }

    private Lot lot(long id) {
        return f.inventory.lot(ADMIN, id);
    }

    @Test
    void theOfficerIsTheRecordedActorOfTheLotsPostingsAndAuditRowsWithoutADepotRole() {
        long donor = f.enterprise(HUBEI_DESK, "Jiuzhou Pharmaceutical Group");
        Donation pledged = s.pledge(HUBEI_DESK, f.medicines(donor, 100, DonationFixture.forHubei()), null);
        DonationReceipt r = s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.accept(pledged.lines().get(0).id(), null, 60)), null);
        long lotId = r.lines().get(0).lotId();

        // the officer may not move stock on its own: the donation service vouches for this one write
        assertThatThrownBy(() -> f.inventory.receive(HUBEI_DESK, org.tongpao.inventory.NewReceipt.builder()
                .depotId(f.depot("HB-WH-01")).itemId(f.item("MEDICINE-GENERAL")).quantity(1L)
                .origin(LotOrigin.DONATION).sourceDocument("x").expiryDate(f.today().plusYears(1)).build(), null))
                .isInstanceOf(AccessDeniedException.class);
        List<List<String>> postings = Transactions.read(f.ds, c -> Jdbc.query(c, "SELECT p.actor, m.actor, "
                + "p.request_id FROM tp_inv_posting p JOIN tp_inv_movement m ON m.posting_id = p.id WHERE m.lot_id = ?",
                Jdbc.args(lotId), rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))));
        assertThat(postings).containsExactly(List.of("hubei-donor-desk", "hubei-donor-desk", "req-hd"));
        List<List<String>> audit = Transactions.read(f.ds, c -> Jdbc.query(c, "SELECT actor, actor_role FROM "
                + "tp_audit WHERE entity = 'lot' AND entity_id = ?", Jdbc.args(String.valueOf(lotId)),
                rs -> List.of(rs.getString(1), rs.getString(2))));
        assertThat(audit).containsExactly(List.of("hubei-donor-desk", "vouched:donation"));
        assertThat(count("tp_audit WHERE actor = 'system' AND entity = 'lot'")).isZero();
    }

    @Test
    void aPledgeIsReceivedInTwoPartsWithACartonRejectedIntoDesignatedDonationLots() {
        long donor = f.enterprise(HUBEI_DESK, "Jiuzhou Pharmaceutical Group");
        Donation pledged = s.pledge(HUBEI_DESK, f.medicines(donor, 100, DonationFixture.forHubei()), "pledge-1");
        assertThat(pledged.status()).isEqualTo(DonationStatus.PLEDGED);
        assertThat(pledged.number()).isEqualTo("JZ-000001");
        assertThat(pledged.provinceCode()).isEqualTo("42");
        assertThat(pledged.designation().label()).isEqualTo("指定省份 Province: 湖北省 Hubei");
        assertThat(pledged.donorCode()).isNull(); // printed once, on the acknowledgement
        long medicines = pledged.lines().get(0).id();
        long masks = pledged.lines().get(1).id();
        assertThat(pledged.lines().get(1).itemId()).isNull();

        DonationReceipt first = s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.accept(medicines, null, 60), f.noCertificate(masks, f.item("MASK-KN95"), 1)), "receipt-1");
        assertThat(first.donationStatus()).isEqualTo(DonationStatus.PARTLY_RECEIVED);
        assertThat(first.acknowledgementNumber()).isEqualTo("JZQR-000001");
        assertThat(first.lines()).hasSize(2);
        assertThat(first.lines().get(1).lotId()).isNull();
        assertThat(first.lines().get(1).rejectReason()).isEqualTo("certificate missing");
        Lot lot = lot(first.lines().get(0).lotId());
        assertThat(lot.origin()).isEqualTo(LotOrigin.DONATION);
        assertThat(lot.sourceDocument()).isEqualTo("JZ-000001/1");
        assertThat(lot.onHand()).isEqualTo(60);
        assertThat(lot.expiryDate()).isEqualTo(f.today().plusYears(2));
        assertThat(lot.designation()).isNotNull();
        assertThat(lot.designation().provinceCode()).isEqualTo("42");
        // the free-description line was matched by the delivery
        assertThat(s.donation(HUBEI_DESK, pledged.id()).lines().get(1).itemCode()).isEqualTo("MASK-KN95");

        // a retry with the same key counts nothing twice
        DonationReceipt again = s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.accept(medicines, null, 60), f.noCertificate(masks, f.item("MASK-KN95"), 1)), "receipt-1");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(count("tp_don_receipt")).isEqualTo(1);
        assertThat(lot(first.lines().get(0).lotId()).onHand()).isEqualTo(60);

        DonationReceipt second = s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.accept(medicines, null, 40), f.accept(masks, null, 499)), "receipt-2");
        assertThat(second.donationStatus()).isEqualTo(DonationStatus.RECEIVED);
        assertThat(second.acknowledgementNumber()).isEqualTo("JZQR-000002");
        Donation done = s.donation(HUBEI_DESK, pledged.id());
        assertThat(done.lines()).extracting(l -> l.acceptedQuantity()).containsExactly(100L, 499L);
        assertThat(done.lines()).extracting(l -> l.rejectedQuantity()).containsExactly(0L, 1L);
        assertThat(f.topics()).containsExactly("DONOR_REGISTERED", "PLEDGED", "RECEIPT_RECORDED", "PARTLY_RECEIVED",
                "RECEIPT_RECORDED", "RECEIVED");
        assertThatThrownBy(() -> s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.accept(medicines, null, 1)), null)).isInstanceOf(ConflictException.class)
                .extracting(DonationServiceTest::field).isEqualTo("status");
        assertThat(s.receipts(HUBEI, pledged.id())).hasSize(2);
    }

    @Test
    void overPledgeAndUnpledgedGoodsAreReceivedToo() {
        long donor = f.enterprise(DESK, "Overseas Chinese Chamber");
        Donation pledged = s.pledge(DESK, new NewPledge(donor, null, null, null, null,
                List.of(new NewPledgeLine(f.item("GLOVES-EXAM"), null, 100L))), null);
        long gloves = pledged.lines().get(0).id();
        DonationReceipt r = s.receive(DESK, pledged.id(), f.delivery("CENTRAL-RESERVE", f.accept(gloves, null, 150),
                f.unpledged(f.item("MASK-SURGICAL"), 30)), null);
        assertThat(r.donationStatus()).isEqualTo(DonationStatus.RECEIVED);
        Donation d = s.donation(DESK, pledged.id());
        assertThat(d.lines()).hasSize(2);
        assertThat(d.lines().get(1).pledgedQuantity()).isZero();
        assertThat(d.lines().get(1).acceptedQuantity()).isEqualTo(30);

        DonationReceipt unpledged = s.receiveUnpledged(DESK, new NewDonationReceipt(f.depot("CENTRAL-RESERVE"),
                null, null, "left at the gate", donor, null, List.of(f.unpledged(f.item("FIELD-TENT"), 12))), null);
        Donation born = s.donation(DESK, unpledged.donationId());
        assertThat(born.pledged()).isFalse();
        assertThat(born.status()).isEqualTo(DonationStatus.RECEIVED);
        assertThat(lot(unpledged.lines().get(0).lotId()).expiryDate()).isNull();
    }

    @Test
    void refusalsNameTheFieldAndLeaveNothingBehind() {
        long donor = f.enterprise(HUBEI_DESK, "Jiuzhou Pharmaceutical Group");
        Donation pledged = s.pledge(HUBEI_DESK, f.medicines(donor, 100, DonationFixture.forHubei()), null);
        long medicines = pledged.lines().get(0).id();
        long lotsBefore = count("tp_inv_lot");
        // designated for Hubei: not into Jiangsu's depot (the ministry's desk tries)
        assertThatThrownBy(() -> s.receive(DESK, pledged.id(), f.delivery("JS-PROV-01",
                f.accept(medicines, null, 10)), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Hubei").extracting(DonationServiceTest::field).isEqualTo("depotId");
        // a Hubei desk does not see Jiangsu's depot: the same 404 as an unknown one
        assertThatThrownBy(() -> s.receive(HUBEI_DESK, pledged.id(), f.delivery("JS-PROV-01",
                f.accept(medicines, null, 10)), null)).isInstanceOf(NotFoundException.class)
                .extracting(DonationServiceTest::field).isEqualTo("depotId");
        // medicines have a shelf life: the expiry date is required for accepted goods
        assertThatThrownBy(() -> s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.withoutExpiry(f.accept(medicines, null, 10))), null)).isInstanceOf(ValidationException.class)
                .extracting(DonationServiceTest::field).isEqualTo("lines[0].expiryDate");
        // the second line names a line of no pledge: refused after the first was looked at, nothing stays
        assertThatThrownBy(() -> s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.accept(medicines, null, 10), f.accept(999_999, null, 1)), null))
                .isInstanceOf(ValidationException.class).extracting(DonationServiceTest::field)
                .isEqualTo("lines[1].donationLineId");
        assertThat(count("tp_inv_lot")).isEqualTo(lotsBefore);
        assertThat(count("tp_don_receipt")).isZero();
        assertThat(s.donation(HUBEI_DESK, pledged.id()).status()).isEqualTo(DonationStatus.PLEDGED);
        // no number was used up by the refusals
        DonationReceipt ok = s.receive(HUBEI_DESK, pledged.id(), f.delivery("HB-WH-01",
                f.accept(medicines, null, 10)), null);
        assertThat(ok.acknowledgementNumber()).isEqualTo("JZQR-000001");
        assertThatThrownBy(() -> s.pledge(HUBEI_DESK, new NewPledge(donor, null, null, null, null,
                List.of(new NewPledgeLine(null, null, 5L))), null)).isInstanceOf(ValidationException.class)
                .extracting(DonationServiceTest::field).isEqualTo("lines[0].itemId");
    }

    /** A Hubei and a Jiangsu donor, each with a pledge of 10 medicines recorded by its province's desk. */
    private record TwoProvinces(long hubeiDonor, long jiangsuDonor, Donation hubei, Donation jiangsu) {
    }

    private TwoProvinces twoProvincesPledge() {
        long hubeiDonor = f.enterprise(HUBEI_DESK, "Jiuzhou Pharmaceutical Group");
        long jiangsuDonor = f.enterprise(JIANGSU_DESK, "Suzhou Textile Works");
        return new TwoProvinces(hubeiDonor, jiangsuDonor, s.pledge(HUBEI_DESK, f.medicines(hubeiDonor, 10, null), null),
                s.pledge(JIANGSU_DESK, f.medicines(jiangsuDonor, 10, null), null));
    }

    @Test
    void donationsListByStatusDonorAndProvinceInKeysetPages() {
        TwoProvinces given = twoProvincesPledge();
        s.cancel(JIANGSU_DESK, given.jiangsu().id(), "the donor withdrew", null);

        assertThat(s.donations(AUDITOR, new DonationFilter(DonationStatus.CANCELLED, null, null), 50, null).items())
                .extracting(Donation::id).containsExactly(given.jiangsu().id());
        assertThat(s.donations(AUDITOR, new DonationFilter(null, given.hubeiDonor(), null), 50, null).items())
                .extracting(Donation::id).containsExactly(given.hubei().id());
        assertThat(s.donations(AUDITOR, new DonationFilter(null, null, "32"), 50, null).items())
                .extracting(Donation::id).containsExactly(given.jiangsu().id());
        assertThat(s.donations(AUDITOR, new DonationFilter(DonationStatus.PLEDGED, given.jiangsuDonor(), null), 50, null)
                .items()).isEmpty();
        assertThat(s.donations(HUBEI_DESK, new DonationFilter(null, null, "32"), 50, null).items()).isEmpty();

        Page<Donation> first = s.donations(AUDITOR, null, 1, null);
        assertThat(first.items()).extracting(Donation::id).containsExactly(given.hubei().id());
        assertThat(s.donations(AUDITOR, null, 1, first.nextCursor()).items()).extracting(Donation::id)
                .containsExactly(given.jiangsu().id());
    }

    @Test
    void aProvinceSeesOnlyItsDonationsAndOnlyOfficersSeeContacts() {
        TwoProvinces given = twoProvincesPledge();

        assertThat(s.donations(HUBEI_DESK, new DonationFilter(null, null, null), 50, null).items())
                .extracting(Donation::id).containsExactly(given.hubei().id());
        assertThat(s.donations(HUBEI, new DonationFilter(null, null, null), 50, null).items())
                .extracting(Donation::id).containsExactly(given.hubei().id());
        assertThat(s.donations(AUDITOR, new DonationFilter(null, null, null), 50, null).items()).hasSize(2);
        assertThatThrownBy(() -> s.donation(HUBEI_DESK, given.jiangsu().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> s.donor(HUBEI_DESK, given.jiangsuDonor())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> s.pledge(HUBEI_DESK, f.medicines(given.jiangsuDonor(), 1, null), null))
                .isInstanceOf(NotFoundException.class).extracting(DonationServiceTest::field).isEqualTo("donorId");
        assertThatThrownBy(() -> s.cancel(HUBEI, given.hubei().id(), "no", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> s.donations(KEEPER, null, 50, null)).isInstanceOf(AccessDeniedException.class);

        assertThat(s.donor(HUBEI_DESK, given.hubeiDonor()).contact()).isEqualTo(DonationFixture.CONTACT);
        assertThat(s.donor(ADMIN, given.hubeiDonor()).contact()).isNull();
        assertThat(s.donor(HUBEI, given.hubeiDonor()).contact()).isNull();
        assertThat(s.donation(HUBEI, given.hubei().id()).donorCode()).isNull();
        assertThat(s.donation(HUBEI_DESK, given.hubei().id()).donorCode()).isNull();
        // the answer to a registration never holds the contact (the Idempotency-Key keeps that answer)
        assertThat(s.registerDonor(DESK, new NewDonor(DonorKind.INDIVIDUAL, "Li Xiaoling", null, null, true,
                DonationFixture.CONTACT), null).contact()).isNull();

        Donation cancelled = s.cancel(HUBEI_DESK, given.hubei().id(), "donor withdrew", null);
        assertThat(cancelled.status()).isEqualTo(DonationStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("donor withdrew");
        assertThatThrownBy(() -> s.cancel(HUBEI_DESK, given.hubei().id(), "again", null))
                .isInstanceOf(ConflictException.class).extracting(DonationServiceTest::field).isEqualTo("status");
    }

    @Test
    void anErasureWipesThePersonalDataKeepsTheDonationAndLeavesNoCopyInTheAuditTrail() {
        Donor person = s.registerDonor(HUBEI_DESK, new NewDonor(DonorKind.INDIVIDUAL, "Wang Xiuying", null, null,
                false, DonationFixture.CONTACT), null);
        Donation d = s.pledge(HUBEI_DESK, f.medicines(person.id(), 10, null), null);
        assertThat(d.donorLabel()).isEqualTo("Wang Xiuying");

        Donor erased = s.eraseDonor(HUBEI_DESK, person.id(), "request of 3 Feb by letter", "erase-1");

        assertThat(erased.name()).isEqualTo(DonorDao.ANONYMOUS);
        assertThat(erased.contact()).isNull();
        assertThat(erased.erasedAt()).isNotNull();
        assertThat(s.donation(HUBEI_DESK, d.id()).donorLabel()).isEqualTo(DonorDao.ANONYMOUS);
        assertThat(count("tp_don_donor WHERE contact_phone IS NOT NULL AND id = " + person.id())).isZero();
        String audit = Transactions.read(f.ds, c -> String.join("\n", Jdbc.query(c, "SELECT * FROM tp_audit",
                List.of(), rs -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        sb.append(rs.getString(i)).append('|');
                    }
                    return sb.toString();
                })));
        assertThat(audit).contains("request of 3 Feb by letter").doesNotContain("Wang Xiuying")
                .doesNotContain(DonationFixture.CONTACT.phone()).doesNotContain(DonationFixture.CONTACT.email())
                .doesNotContain(DonationFixture.CONTACT.address()).doesNotContain(DonationFixture.CONTACT.name());
        assertThatThrownBy(() -> s.eraseDonor(HUBEI_DESK, person.id(), "again", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> s.pledge(HUBEI_DESK, f.medicines(person.id(), 1, null), null))
                .isInstanceOf(ConflictException.class).extracting(DonationServiceTest::field).isEqualTo("donorId");
        assertThat(f.topics()).contains("DONOR_ERASED");
    }
}
