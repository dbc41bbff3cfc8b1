package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.IdempotencyKeys.Answer;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.DatabaseGrep;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationLine;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationSnapshot;
import org.tongpao.donation.DonationReceiptLine;
import org.tongpao.donation.Disposition;
import org.tongpao.donation.Donor;
import org.tongpao.donation.DonorContact;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewDonor;
import org.tongpao.donation.NewPledge;
import org.tongpao.donation.NewReceiptLine;

/**
 * An erasure leaves no copy of the donor's personal data anywhere in the database: the whole database is searched
 * for every erased value, including the answers the REST layer kept with Idempotency-Keys, the outbox and the audit
 * trail.
 */
class DonorErasureTest {
    private static final String NAME = "Wang Xiuying";
    private static final DonorContact CONTACT = new DonorContact("Wang Xiuying (self)", "+86 139 7100 2020",
            "wang.xiuying@mail.example.cn", "Room 3, 88 Jiefang Avenue, Hankou");
    private final DonationFixture f = new DonationFixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** What the REST layer does after a keyed write: keeps its first answer (here the JSON it would send). */
    private void keepAnswer(String key, String json) {
        f.core.keys.answer(HUBEI_DESK, key, new Answer(201, "application/json", null, json));
    }

    private List<String> erasedValues() {
        return List.of(NAME, CONTACT.name(), CONTACT.phone(), CONTACT.email(), CONTACT.address());
    }

    @Test
    void afterErasureNoTableHoldsTheDonorsNameOrContact() throws Exception {
        Donor donor = f.donations.registerDonor(HUBEI_DESK, new NewDonor(DonorKind.INDIVIDUAL, NAME, null, null,
                false, CONTACT), "reg-1");
        keepAnswer("reg-1", DonationFixture.JSON.writeValueAsString(donor));
        // officers write the donor's name and contact into free text too: notes, a delivery note, reasons
        NewPledge medicines = f.medicines(donor.id(), 100, DonationFixture.forHubei());
        NewPledge pledge = new NewPledge(medicines.donorId(), null, medicines.expectedDate(), medicines.designation(),
                "call " + NAME + " on " + CONTACT.phone() + " before delivery", medicines.lines());
        Donation d = f.donations.pledge(HUBEI_DESK, pledge, "pledge-1");
        keepAnswer("pledge-1", DonationFixture.JSON.writeValueAsString(d));
        NewReceiptLine rejected = f.noCertificate(d.lines().get(1).id(), f.item("MASK-KN95"), 500);
        NewReceiptLine returned = new NewReceiptLine(rejected.donationLineId(), rejected.itemId(), rejected.priority(),
                rejected.standard(), rejected.standardMatched(), rejected.certificatePresent(), null,
                rejected.expiryDate(), rejected.packagingIntact(), 0L, 500L, "no certificate; " + NAME + " was told",
                Disposition.OTHER, "sent back to " + CONTACT.address());
        NewDonationReceipt delivery = f.delivery("HB-WH-01", f.accept(d.lines().get(0).id(), null, 60), returned);
        DonationReceipt r = f.donations.receive(HUBEI_DESK, d.id(), new NewDonationReceipt(delivery.depotId(),
                delivery.receivedOn(), "brought by " + NAME, "receipt signed by " + NAME + ", " + CONTACT.email(), null,
                null, delivery.lines()), "receipt-1");
        keepAnswer("receipt-1", DonationFixture.JSON.writeValueAsString(r));
        Donation other = f.donations.pledge(HUBEI_DESK, f.medicines(donor.id(), 10, DonationFixture.forHubei()), null);
        f.donations.cancel(HUBEI_DESK, other.id(), NAME + " cancelled by phone", null);
        f.donations.acknowledgement(HUBEI_DESK, r.id(), null);
        // before: the name is found (in the donor row, the notes, their audit copies and the kept answers), so the
        // search does find things
        assertThat(DatabaseGrep.find(f.ds, NAME)).contains("tp_don_donor.name", "tp_idempotency_answer.body",
                "tp_don_donation.note", "tp_don_donation.cancel_reason", "tp_don_receipt.note",
                "tp_don_receipt.delivery_note", "tp_don_receipt_line.reject_reason", "tp_audit.after_json");
        assertThat(DatabaseGrep.find(f.ds, CONTACT.phone())).contains("tp_don_donor.contact_phone",
                "tp_don_donation.note");
        assertThat(DatabaseGrep.find(f.ds, CONTACT.address())).contains("tp_don_receipt_line.disposition_note");

        f.donations.eraseDonor(HUBEI_DESK, donor.id(), "asked in writing", "erase-1");

        for (String value : erasedValues()) {
            assertThat(DatabaseGrep.find(f.ds, value)).as(value).isEmpty();
        }
        // a repeat of the registration or the pledge still writes nothing, and its answer is built afresh
        assertThat(f.core.keys.answer(HUBEI_DESK, "pledge-1", null)).isEqualTo(Optional.empty());
        assertThat(f.donations.pledge(HUBEI_DESK, pledge, "pledge-1").id()).isEqualTo(d.id());
        assertThat(f.donations.donation(HUBEI_DESK, d.id()).donorLabel()).isEqualTo(DonorDao.ANONYMOUS);
        // the donations keep their goods and statuses; their free text says it was erased (null stays null)
        Donation after = f.donations.donation(HUBEI_DESK, d.id());
        assertThat(after.note()).isEqualTo(NoteErasure.ERASED);
        assertThat(after.lines()).extracting(DonationLine::acceptedQuantity).containsExactly(60L, 0L);
        assertThat(f.donations.donation(HUBEI_DESK, other.id()).cancelReason()).isEqualTo(NoteErasure.ERASED);
        DonationReceipt receipt = f.donations.receipt(HUBEI_DESK, r.id());
        assertThat(receipt.note()).isEqualTo(NoteErasure.ERASED);
        assertThat(receipt.deliveryNote()).isEqualTo(NoteErasure.ERASED);
        assertThat(receipt.lines()).extracting(DonationReceiptLine::rejectReason).containsExactly(null,
                NoteErasure.ERASED);
        // the receipt's kept answer carried the notes: it goes like the pledge's
        assertThat(f.core.keys.answer(HUBEI_DESK, "receipt-1", null)).isEqualTo(Optional.empty());
        // the audit rows stay (who did what, when), without the notes
        assertThat(f.core.audit.list(DonationFixture.ADMIN, "donation", String.valueOf(d.id()), null, 10, null).items())
                .isNotEmpty();
    }

    /** A copy of the donation at central loses the notes, audit rows included, when the erased snapshot arrives. */
    @Test
    void aCopyElsewhereLosesTheNotesWithTheSnapshotThatCarriesTheErasure() {
        Donor donor = f.donations.registerDonor(HUBEI_DESK, new NewDonor(DonorKind.INDIVIDUAL, NAME, null, null,
                false, CONTACT), null);
        NewPledge medicines = f.medicines(donor.id(), 100, DonationFixture.forHubei());
        Donation d = f.donations.pledge(HUBEI_DESK, new NewPledge(medicines.donorId(), null, medicines.expectedDate(),
                medicines.designation(), "call " + NAME + " before delivery", medicines.lines()), null);
        try (DonationFixture central = new DonationFixture()) {
            central.donations.replicate(DonationFixture.HUBEI, "province:42", snapshot(d.id()));
            assertThat(DatabaseGrep.find(central.ds, NAME)).contains("tp_don_donation.note", "tp_audit.after_json");

            f.clock.now = f.clock.now.plusSeconds(60);
            f.donations.eraseDonor(HUBEI_DESK, donor.id(), "asked in writing", null);
            central.donations.replicate(DonationFixture.HUBEI, "province:42", snapshot(d.id()));

            assertThat(DatabaseGrep.find(central.ds, NAME)).isEmpty();
            assertThat(central.core.audit.list(DonationFixture.ADMIN, "donation", null, null, 10, null).items())
                    .hasSize(2);
        }
    }

    private DonationSnapshot snapshot(long donationId) {
        return Transactions.read(f.ds, c -> f.donations.snapshot(c, donationId)).orElseThrow();
    }
}
