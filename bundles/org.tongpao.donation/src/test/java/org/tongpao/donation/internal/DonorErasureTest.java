package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.donation.internal.DonationFixture.HUBEI_DESK;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.IdempotencyKeys.Answer;
import org.tongpao.core.testing.DatabaseGrep;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.Donor;
import org.tongpao.donation.DonorContact;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonor;

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
        Donation d = f.donations.pledge(HUBEI_DESK, f.medicines(donor.id(), 100, DonationFixture.forHubei()),
                "pledge-1");
        keepAnswer("pledge-1", DonationFixture.JSON.writeValueAsString(d));
        DonationReceipt r = f.donations.receive(HUBEI_DESK, d.id(), f.delivery("HB-WH-01",
                f.accept(d.lines().get(0).id(), null, 60)), "receipt-1");
        keepAnswer("receipt-1", DonationFixture.JSON.writeValueAsString(r));
        f.donations.acknowledgement(HUBEI_DESK, r.id(), null);
        // before: the name is found (in the donor row and in the kept answers), so the search does find things
        assertThat(DatabaseGrep.find(f.ds, NAME)).contains("tp_don_donor.name", "tp_idempotency_answer.body");
        assertThat(DatabaseGrep.find(f.ds, CONTACT.phone())).contains("tp_don_donor.contact_phone");

        f.donations.eraseDonor(HUBEI_DESK, donor.id(), "asked in writing", "erase-1");

        for (String value : erasedValues()) {
            assertThat(DatabaseGrep.find(f.ds, value)).as(value).isEmpty();
        }
        // a repeat of the registration or the pledge still writes nothing, and its answer is built afresh
        assertThat(f.core.keys.answer(HUBEI_DESK, "pledge-1", null)).isEqualTo(Optional.empty());
        assertThat(f.donations.pledge(HUBEI_DESK, f.medicines(donor.id(), 100, DonationFixture.forHubei()),
                "pledge-1").id()).isEqualTo(d.id());
        assertThat(f.donations.donation(HUBEI_DESK, d.id()).donorLabel()).isEqualTo(DonorDao.ANONYMOUS);
        // the receipt's answer held no personal data and is kept
        assertThat(f.core.keys.answer(HUBEI_DESK, "receipt-1", null)).isPresent();
    }
}
