package org.tongpao.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Item;
import org.tongpao.core.ValidationException;
import org.tongpao.procurement.OrderLine;
import org.tongpao.procurement.ReceiptLineRequest;

/** Inspection of a delivered line, without a database. */
class ReceiptRulesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-02-10");
    private static final LocalDate EXPIRY = LocalDate.parse("2029-01-31");
    private static final Item MASK = new Item(1, "MASK-MEDPROT", "MASK", "Medical protective mask", null, "piece",
            "GB 19083-2010", 36, true, 0, Instant.EPOCH, Instant.EPOCH);
    private static final Item SHIELD = new Item(2, "GOGGLES-SHIELD", "GOGGLES", "Face shield", null, "piece", null,
            null, true, 0, Instant.EPOCH, Instant.EPOCH);
    /** 1,000 ordered, 400 accepted and 100 rejected before: 500 outstanding; promised for 2026-02-07. */
    private static final OrderLine LINE = new OrderLine(7, 1, 1, "MASK-MEDPROT", "GB 19083-2010", 1000,
            new BigDecimal("2.5"), "CNY", LocalDate.parse("2026-02-07"), 400, 100, 500);

    private static ReceiptLineRequest req(long accepted, Long rejected, String reason, String standard,
            String certificate, LocalDate expiry) {
        return new ReceiptLineRequest(7L, accepted, rejected, reason, standard, certificate, "B-1", expiry);
    }

    private static String field(Throwable e) {
        return e instanceof ValidationException v ? v.field() : ((ConflictException) e).field();
    }

    @Test
    void acceptedGoodsMeetTheLinesStandardAndCarryCertificateBatchAndExpiry() {
        ReceiptRules.Inspected ok = ReceiptRules.inspect("lines[0].", LINE, req(450, 50L, "wet carton",
                "gb 19083-2010", "C-1", EXPIRY), MASK, TODAY);
        assertThat(ok.accepted()).isEqualTo(450);
        assertThat(ok.rejected()).isEqualTo(50);
        assertThat(ok.daysLate()).isEqualTo(3);
        assertThat(ok.expiryDate()).isEqualTo(EXPIRY);

        assertThatThrownBy(() -> ReceiptRules.inspect("lines[0].", LINE, req(10, 0L, null, "GB 2626-2019", "C-1",
                EXPIRY), MASK, TODAY)).extracting(ReceiptRulesTest::field).isEqualTo("lines[0].standard");
        assertThatThrownBy(() -> ReceiptRules.inspect("lines[0].", LINE, req(10, 0L, null, null, null, EXPIRY), MASK,
                TODAY)).extracting(ReceiptRulesTest::field).isEqualTo("lines[0].certificateNumber");
        assertThatThrownBy(() -> ReceiptRules.inspect("lines[0].", LINE, req(10, 0L, null, null, "C-1", null), MASK,
                TODAY)).extracting(ReceiptRulesTest::field).isEqualTo("lines[0].expiryDate");
        assertThatThrownBy(() -> ReceiptRules.inspect("lines[0].", LINE, req(10, 0L, null, null, "C-1", TODAY), MASK,
                TODAY)).extracting(ReceiptRulesTest::field).isEqualTo("lines[0].expiryDate");
    }

    @Test
    void rejectionsNeedAReasonAndNothingBeyondWhatIsOutstanding() {
        assertThatThrownBy(() -> ReceiptRules.inspect("lines[1].", LINE, req(0, 5L, " ", null, null, null), MASK,
                TODAY)).extracting(ReceiptRulesTest::field).isEqualTo("lines[1].rejectReason");
        assertThatThrownBy(() -> ReceiptRules.inspect("lines[1].", LINE, req(450, 51L, "torn", null, "C", EXPIRY),
                MASK, TODAY)).isInstanceOf(ConflictException.class)
                .extracting(ReceiptRulesTest::field).isEqualTo("lines[1].acceptedQuantity");
        assertThatThrownBy(() -> ReceiptRules.inspect("lines[1].", LINE, req(0, 0L, null, null, null, null), MASK,
                TODAY)).extracting(ReceiptRulesTest::field).isEqualTo("lines[1].acceptedQuantity");
        // a line rejected whole needs no certificate and no expiry
        ReceiptRules.Inspected rejected = ReceiptRules.inspect("lines[1].", LINE, req(0, 500L, "fake certificates",
                null, null, null), MASK, TODAY);
        assertThat(rejected.rejectReason()).isEqualTo("fake certificates");
    }

    @Test
    void itemsWithoutAShelfLifeTakeNoExpiryAndEarlyDeliveriesAreNotLate() {
        OrderLine shields = new OrderLine(8, 2, 2, "GOGGLES-SHIELD", null, 10, BigDecimal.ONE, "CNY",
                TODAY.plusDays(4), 0, 0, 10);
        assertThat(ReceiptRules.inspect("l.", shields, req(10, null, null, null, "C", null), SHIELD, TODAY).daysLate())
                .isZero();
        assertThatThrownBy(() -> ReceiptRules.inspect("l.", shields, req(10, null, null, null, "C", EXPIRY), SHIELD,
                TODAY)).extracting(ReceiptRulesTest::field).isEqualTo("l.expiryDate");
    }
}
