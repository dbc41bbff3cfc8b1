package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.donation.Disposition;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.donation.Priority;

class InspectionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 3);

    private static NewReceiptLine line(boolean standard, boolean certificate, boolean intact, LocalDate expiry,
            long accepted, long rejected, String reason, Disposition disposition, String note) {
        return new NewReceiptLine(1L, null, Priority.URGENT, "GB 2626-2019", standard, certificate, "C-1", expiry,
                intact, accepted, rejected, reason, disposition, note);
    }

    private static String field(NewReceiptLine l) {
        try {
            Inspection.check("lines[0].", l, TODAY);
            return null;
        } catch (ValidationException e) {
            return e.field();
        }
    }

    @Test
    void onlyGoodsThatPassEveryCheckAreAccepted() {
        LocalDate good = TODAY.plusYears(1);
        assertThat(field(line(true, true, true, good, 10, 0, null, null, null))).isNull();
        assertThat(field(line(false, true, true, good, 10, 0, null, null, null))).isEqualTo("lines[0].acceptedQuantity");
        assertThat(field(line(true, false, true, good, 10, 0, null, null, null))).isEqualTo("lines[0].acceptedQuantity");
        assertThat(field(line(true, true, false, good, 10, 0, null, null, null))).isEqualTo("lines[0].acceptedQuantity");
        assertThat(field(line(true, true, true, TODAY, 10, 0, null, null, null))).isEqualTo("lines[0].expiryDate");
        // the same goods rejected are fine: that is what the inspection is for
        assertThat(field(line(true, false, true, good, 0, 10, "no certificate", Disposition.DESTROYED, null)))
                .isNull();
    }

    @Test
    void aRejectionNeedsItsReasonAndWhatBecameOfTheGoods() {
        LocalDate good = TODAY.plusYears(1);
        assertThat(field(line(true, true, true, good, 5, 1, null, Disposition.DESTROYED, null)))
                .isEqualTo("lines[0].rejectReason");
        assertThat(field(line(true, true, true, good, 5, 1, "torn", null, null))).isEqualTo("lines[0].disposition");
        assertThat(field(line(true, true, true, good, 5, 1, "torn", Disposition.OTHER, null)))
                .isEqualTo("lines[0].dispositionNote");
        assertThat(field(line(true, true, true, good, 5, 1, "torn", Disposition.OTHER, "kept for training")))
                .isNull();
        assertThat(field(line(true, true, true, good, 5, 0, "torn", null, null))).isEqualTo("lines[0].rejectReason");
        assertThat(field(line(true, true, true, good, 0, 0, null, null, null))).isEqualTo("lines[0].acceptedQuantity");
        assertThat(field(line(true, true, true, good, -1, 2, "x", Disposition.DESTROYED, null)))
                .isEqualTo("lines[0].acceptedQuantity");
        assertThatThrownBy(() -> Inspection.check("lines[0].", new NewReceiptLine(1L, null, null, null, true, true,
                null, null, true, 1L, 0L, null, null, null), TODAY)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("lines[0].priority");
    }
}
