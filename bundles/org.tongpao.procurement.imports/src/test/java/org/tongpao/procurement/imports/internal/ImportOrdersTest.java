package org.tongpao.procurement.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.imports.internal.ImportFixture.HUBEI;
import static org.tongpao.procurement.imports.internal.ImportFixture.NOW;
import static org.tongpao.procurement.imports.internal.ImportFixture.OFFICER;
import static org.tongpao.procurement.imports.internal.ImportFixture.TODAY;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Page;
import org.tongpao.procurement.api.DocumentKind;

class ImportOrdersTest {
    private final ImportFixture f = new ImportFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void offersListByItemAndRatesByCurrencyInKeysetPages() {
        ImportOffer kf94 = f.offer("KR-KF94-A", "MASK-KF94", "1300", 30);
        ImportOffer n95 = f.offer("KR-N95-A", "MASK-N95", "1900", 30);
        assertThat(f.offers.list("MASK-N95", 50, null).items()).extracting(ImportOffer::id).containsExactly(n95.id());
        Page<ImportOffer> first = f.offers.list(null, 1, null);
        assertThat(first.items()).extracting(ImportOffer::id).containsExactly(kf94.id());
        assertThat(f.offers.list(null, 1, first.nextCursor()).items()).extracting(ImportOffer::id)
                .containsExactly(n95.id());

        f.reference.recordRate(OFFICER, "KRW", new BigDecimal("0.0051"), NOW.minus(Duration.ofDays(2)), "PBOC", null);
        f.reference.recordRate(OFFICER, "USD", new BigDecimal("7.1"), NOW.minus(Duration.ofDays(1)), "PBOC", null);
        assertThat(f.reference.rates("USD", 50, null).items()).extracting(RecordedRate::currency).containsExactly("USD");
        assertThat(f.reference.rates(null, 50, null).items()).hasSize(2);
    }

    @Test
    void anOrderFixesTheRateInForceAndItsCnyValue() {
        f.offer("KR-KF94-A", "MASK-KF94", "1300", 30);
        f.offer("KR-KF94-B", "MASK-KF94", "1250", 40);
        assertThatThrownBy(() -> f.orders.place(OFFICER, f.order("IMP-1", 200_000), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        f.reference.recordRate(OFFICER, "KRW", new BigDecimal("0.0051"), NOW.minus(Duration.ofDays(2)), "PBOC", null);
        f.reference.recordRate(OFFICER, "KRW", new BigDecimal("0.0052"), NOW.minus(Duration.ofHours(1)), "PBOC", null);
        f.reference.recordRate(OFFICER, "KRW", new BigDecimal("0.0060"), NOW.plus(Duration.ofDays(1)), "future", null);
        ImportOrder o = f.orders.place(OFFICER, f.order("IMP-1", 200_000), null);
        assertThat(o.lines()).singleElement().satisfies(l -> assertThat(l.offerCode()).isEqualTo("KR-KF94-B"));
        assertThat(o.amount()).isEqualByComparingTo("250000000");
        assertThat(o.rateAtOrder()).isEqualByComparingTo("0.0052");
        assertThat(o.cnyAtOrder()).isEqualByComparingTo("1300000.00");
        assertThat(o.incoterm()).isEqualTo(Incoterm.CIF);
        assertThat(o.promisedDate()).isEqualTo(TODAY.plusDays(40));
        assertThat(o.status()).isEqualTo(ImportStatus.ORDERED);
        assertThat(f.orders.place(OFFICER, f.order("IMP-1", 200_000), null).id()).isEqualTo(o.id());
    }

    private ImportOrder shipped() {
        f.offer("KR-KF94-B", "MASK-KF94", "1250", 40);
        f.reference.recordRate(OFFICER, "KRW", new BigDecimal("0.0052"), NOW.minus(Duration.ofHours(1)), null, null);
        long id = f.orders.place(OFFICER, f.order("IMP-1", 200_000), null).id();
        f.orders.progress(OFFICER, id, ImportStatus.CONFIRMED, "Seoul confirmed", null);
        return f.orders.progress(OFFICER, id, ImportStatus.SHIPPED, "flight KE-881", null);
    }

    @Test
    void paymentRecordsTheRateOfItsDayAndTheDifference() {
        long id = shipped().id();
        ImportOrder paid = f.orders.pay(OFFICER, id, new BigDecimal("0.00531"), NOW.plus(Duration.ofDays(3)), null);
        assertThat(paid.rateAtPayment()).isEqualByComparingTo("0.00531");
        assertThat(paid.cnyAtPayment()).isEqualByComparingTo("1327500.00");
        assertThat(paid.exchangeDifferenceCny()).isEqualByComparingTo("27500.00");
        assertThat(f.orders.pay(OFFICER, id, new BigDecimal("0.00531"), null, null).paidAt()).isEqualTo(paid.paidAt());
        assertThatThrownBy(() -> f.orders.pay(OFFICER, id, new BigDecimal("0.0054"), null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("rate"));
        assertThat(f.topics()).contains("ORDER_PAID");
    }

    @Test
    void customsStepsInOrderThenCertificationBeforeReleaseThenDelivery() {
        long id = shipped().id();
        f.reference.setStandard(OFFICER, "MASK-KF94", "GB 2626-2019", "KF94 must meet the KN95 standard", null);
        assertThatThrownBy(() -> f.orders.progress(OFFICER, id, ImportStatus.DELIVERED, null, null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.customs.step(OFFICER, id, CustomsStep.INSPECTED, null, null, null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("step"));
        ImportOrder declared = f.customs.step(OFFICER, id, CustomsStep.DECLARED, "DECL-2026-0001", null, null, null);
        assertThat(declared.status()).isEqualTo(ImportStatus.AT_CUSTOMS);
        f.customs.document(OFFICER, id, DocumentKind.CUSTOMS_DECLARATION, "DECL-2026-0001", TODAY, null);
        f.customs.step(OFFICER, id, CustomsStep.INSPECTED, null, null, "sampled 20 cartons", null);
        assertThatThrownBy(() -> f.customs.step(OFFICER, id, CustomsStep.DUTIES_PAID, null, null, null, null))
                .isInstanceOfSatisfying(org.tongpao.core.ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("dutiesCny"));
        f.customs.step(OFFICER, id, CustomsStep.DUTIES_PAID, "DUTY-77", new BigDecimal("84500.00"), null, null);
        assertThatThrownBy(() -> f.customs.step(OFFICER, id, CustomsStep.CLEARED, null, null, null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("certifications"));
        f.customs.certify(OFFICER, id, "MASK-KF94", "GB 2626-2019", "CNCA-2026-KF94-0042", "CNCA", TODAY.plusYears(1), null);
        ImportOrder cleared = f.customs.step(OFFICER, id, CustomsStep.CLEARED, "REL-9", null, null, null);
        assertThat(cleared.status()).isEqualTo(ImportStatus.CLEARED);
        assertThat(cleared.dutiesCny()).isEqualByComparingTo("84500.00");
        assertThat(cleared.customs()).extracting(CustomsRecord::step).containsExactly(CustomsStep.values());
        ImportOrder delivered = f.orders.progress(OFFICER, id, ImportStatus.DELIVERED, null, null);
        assertThat(delivered.events()).extracting(ImportEvent::status).containsExactly(ImportStatus.ORDERED,
                ImportStatus.CONFIRMED, ImportStatus.SHIPPED, ImportStatus.AT_CUSTOMS, ImportStatus.CLEARED,
                ImportStatus.DELIVERED);
        assertThat(f.topics()).contains("CUSTOMS_STEP", "DOCUMENT_RECORDED", "CERTIFIED", "STANDARD_SET");
    }

    @Test
    void provincesReadTheirOwnAndOnlyTheMinistryRecords() {
        long id = shipped().id();
        assertThat(f.orders.get(HUBEI, id).orderRef()).isEqualTo("IMP-1");
        assertThatThrownBy(() -> f.customs.step(HUBEI, id, CustomsStep.DECLARED, null, null, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.orders.cancel(OFFICER, id, "too late", null)).isInstanceOf(ConflictException.class);
    }
}
