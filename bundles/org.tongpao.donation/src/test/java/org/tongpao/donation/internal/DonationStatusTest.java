package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.donation.DonationStatus.CANCELLED;
import static org.tongpao.donation.DonationStatus.PARTLY_RECEIVED;
import static org.tongpao.donation.DonationStatus.PLEDGED;
import static org.tongpao.donation.DonationStatus.RECEIVED;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.donation.DonationLine;

class DonationStatusTest {

    @Test
    void aPledgeMovesForwardOnlyAndEndsReceivedOrCancelled() {
        assertThat(PLEDGED.next()).containsExactlyInAnyOrder(PARTLY_RECEIVED, RECEIVED, CANCELLED);
        assertThat(PARTLY_RECEIVED.next()).containsExactlyInAnyOrder(PARTLY_RECEIVED, RECEIVED, CANCELLED);
        assertThat(RECEIVED.next()).isEmpty();
        assertThat(CANCELLED.next()).isEmpty();
        assertThat(PARTLY_RECEIVED.canMoveTo(PLEDGED)).isFalse();
        assertThat(RECEIVED.canMoveTo(CANCELLED)).isFalse();
        assertThat(PLEDGED.receivable()).isTrue();
        assertThat(PARTLY_RECEIVED.receivable()).isTrue();
        assertThat(RECEIVED.receivable()).isFalse();
        assertThat(CANCELLED.receivable()).isFalse();
    }

    @Test
    void receivedWhenEveryPledgedLineArrivedInFullCountingRejectedGoods() {
        DonationLine medicines = new DonationLine(1, 1, 7L, "MEDICINE-GENERAL", null, 100, 60, 0);
        DonationLine masks = new DonationLine(2, 2, 8L, "MASK-KN95", null, 50, 0, 0);
        assertThat(Intake.statusAfter(List.of(medicines, masks))).isEqualTo(PARTLY_RECEIVED);

        DonationLine medicinesDone = new DonationLine(1, 1, 7L, "MEDICINE-GENERAL", null, 100, 90, 10);
        DonationLine masksOver = new DonationLine(2, 2, 8L, "MASK-KN95", null, 50, 70, 0);
        DonationLine unpledged = new DonationLine(3, 3, 9L, "GLOVES-EXAM", null, 0, 20, 0);
        assertThat(Intake.statusAfter(List.of(medicinesDone, masksOver, unpledged))).isEqualTo(RECEIVED);
    }
}
