package org.tongpao.procurement.centre.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.centre.internal.CentreFixture.BUYER;
import static org.tongpao.procurement.centre.internal.CentreFixture.HENAN_BUYER;
import static org.tongpao.procurement.centre.internal.CentreFixture.HUBEI_BUYER;
import static org.tongpao.procurement.centre.internal.CentreFixture.TODAY;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;

class CentreOrdersTest {
    static final String WHY = "Wuhan hospitals run out of N95 within 48 hours";
    private final CentreFixture f = new CentreFixture();

    @AfterEach
    void close() {
        f.close();
    }

    static NewCentreOrder normal(String ref, long qty, String agreement) {
        return new NewCentreOrder(ref, "42", null, null, agreement, false, null, null,
                List.of(new NewCentreOrder.Line("1", "MASK-N95", qty, null)));
    }

    static NewCentreOrder emergency(String ref, String agreement, NewCentreOrder.Line... lines) {
        return new NewCentreOrder(ref, "42", "Wuhan depot 1", null, agreement, true, WHY, "director-li", List.of(lines));
    }

    @Test
    void agreementsListByTheItemTheyCoverInKeysetPages() {
        Agreement n95 = f.agreement("FA-N95", "2.50", 100_000, 14, 7);
        Agreement gloves = f.agreements.create(BUYER, new NewAgreement("FA-GLOVES", "SUP-G", "Glove maker",
                TODAY.minusDays(10), TODAY.plusDays(100), 14, 7,
                List.of(new AgreementLine("GLOVES-EXAM", new BigDecimal("0.30"), 100_000L))), null);

        assertThat(f.agreements.list(BUYER, "GLOVES-EXAM", 50, null).items()).extracting(Agreement::id)
                .containsExactly(gloves.id());
        assertThat(f.agreements.list(BUYER, "MASK-N95", 50, null).items()).extracting(Agreement::id)
                .containsExactly(n95.id());
        Page<Agreement> first = f.agreements.list(BUYER, null, 1, null);
        assertThat(first.items()).extracting(Agreement::id).containsExactly(n95.id());
        assertThat(f.agreements.list(BUYER, null, 1, first.nextCursor()).items()).extracting(Agreement::id)
                .containsExactly(gloves.id());
    }

    @Test
    void eachLineGoesToTheCheapestValidAgreementWithinItsCeiling() {
        f.agreement("FA-DEAR", "3.10", 100_000, 3, 1);
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        CentreOrder o = f.orders.place(BUYER, normal("PO-1", 1000, null), null);
        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.agreementCode()).isEqualTo("FA-CHEAP");
            assertThat(l.amount()).isEqualByComparingTo("2500.00");
        });
        assertThat(o.total()).isEqualByComparingTo("2500.00");
        assertThat(o.promisedDate()).isEqualTo(TODAY.plusDays(14));
        assertThat(o.status()).isEqualTo(CentreOrderStatus.PLACED);
        assertThat(f.topics()).containsExactly("AGREEMENT_CREATED", "AGREEMENT_CREATED", "ORDER_PLACED");
        // a ceiling under the cheapest price finds nothing; the day needed rules out the slow one
        assertThatThrownBy(() -> f.orders.place(BUYER, new NewCentreOrder("PO-2", null, null, null, null, false, null, null,
                List.of(new NewCentreOrder.Line("1", "MASK-N95", 10L, new BigDecimal("2.00")))), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("lines[0]"));
        CentreOrder fast = f.orders.place(BUYER, new NewCentreOrder("PO-3", null, null, TODAY.plusDays(5), null, false, null,
                null, List.of(new NewCentreOrder.Line("1", "MASK-N95", 10L, null))), null);
        assertThat(fast.lines().get(0).agreementCode()).isEqualTo("FA-DEAR");
    }

    @Test
    void noValidAgreementIsAConflictNamingTheLine() {
        Agreement a = f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        f.agreements.withdraw(BUYER, a.id(), "supplier failed audit", null);
        assertThatThrownBy(() -> f.orders.place(BUYER, normal("PO-1", 1000, null), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("lines[0]"));
    }

    @Test
    void anEmergencyProcurementIsSingleSourceExpeditedWithItsJustificationAndApprover() {
        f.agreement("FA-DEAR", "3.10", 100_000, 3, 1);
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        CentreOrder o = f.orders.place(BUYER, emergency("PO-E1", "FA-CHEAP", new NewCentreOrder.Line("1", "MASK-N95", 5000L,
                null)), null);
        assertThat(o.emergency()).isTrue();
        assertThat(o.lines()).extracting(CentreOrderLine::agreementCode).containsExactly("FA-CHEAP");
        assertThat(o.justification()).isEqualTo(WHY);
        assertThat(o.approvedBy()).isEqualTo("director-li");
        assertThat(o.promisedDate()).isEqualTo(TODAY.plusDays(7));
        assertThat(o.events()).singleElement().satisfies(e -> assertThat(e.note()).contains("single source"));
        // without a named source: the agreement delivering everything soonest, expedited
        CentreOrder fastest = f.orders.place(BUYER, emergency("PO-E2", null, new NewCentreOrder.Line("1", "MASK-N95", 10L,
                null)), null);
        assertThat(fastest.lines()).extracting(CentreOrderLine::agreementCode).containsExactly("FA-DEAR");
        assertThat(fastest.promisedDate()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void anEmergencyNeedsOneAgreementCoveringEveryLine() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        assertThatThrownBy(() -> f.orders.place(BUYER, emergency("PO-E3", null, new NewCentreOrder.Line("1", "MASK-N95", 10L,
                null), new NewCentreOrder.Line("2", "GOWN-L", 10L, null)), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("lines"));
        assertThat(f.orders.list(BUYER, null, 10, null).items()).isEmpty();
    }

    @Test
    void onlyTheMinistrysBuyersRecordEmergencies() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        assertThatThrownBy(() -> f.orders.place(HUBEI_BUYER, emergency("PO-E2", "FA-CHEAP",
                new NewCentreOrder.Line("1", "MASK-N95", 5L, null)), null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRepeatedOrderRefReturnsTheFirstOrderAndOtherContentConflicts() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        CentreOrder first = f.orders.place(BUYER, normal("PO-1", 1000, null), null);
        assertThat(f.orders.place(BUYER, normal("PO-1", 1000, null), null).id()).isEqualTo(first.id());
        assertThatThrownBy(() -> f.orders.place(BUYER, normal("PO-1", 999, null), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("orderRef"));
    }

    @Test
    void aNamedAgreementMustBeValidOnTheDay() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        assertThatThrownBy(() -> f.orders.place(BUYER, normal("PO-1", 1000, "FA-NONE"), null))
                .isInstanceOf(ConflictException.class);
        f.clock.now = CentreFixture.NOW.plusSeconds(200L * 86400);
        assertThatThrownBy(() -> f.orders.place(BUYER, normal("PO-1", 1000, "FA-CHEAP"), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("valid on"));
    }

    @Test
    void progressMovesForwardOnlyAndIsHeardAfterCommit() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        List<CentreOrderStatus> heard = new ArrayList<>();
        f.orders.listen((o, e) -> heard.add(e.status()));
        long id = f.orders.place(BUYER, normal("PO-1", 1000, null), null).id();
        f.orders.progress(BUYER, id, CentreOrderStatus.CONFIRMED, "supplier confirmed by phone", null);
        f.orders.progress(BUYER, id, CentreOrderStatus.CONFIRMED, null, null); // a repeat changes nothing
        f.orders.progress(BUYER, id, CentreOrderStatus.SHIPPED, "truck 鄂A-12345", null);
        assertThatThrownBy(() -> f.orders.progress(BUYER, id, CentreOrderStatus.IN_PRODUCTION, null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> f.orders.cancel(BUYER, id, "too late", null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.orders.progress(HUBEI_BUYER, id, CentreOrderStatus.DELIVERED, null, null))
                .isInstanceOf(AccessDeniedException.class);
        CentreOrder o = f.orders.progress(BUYER, id, CentreOrderStatus.DELIVERED, null, null);
        assertThat(o.events()).extracting(OrderEvent::status).containsExactly(CentreOrderStatus.PLACED,
                CentreOrderStatus.CONFIRMED, CentreOrderStatus.SHIPPED, CentreOrderStatus.DELIVERED);
        assertThat(heard).containsExactly(CentreOrderStatus.CONFIRMED, CentreOrderStatus.SHIPPED, CentreOrderStatus.DELIVERED);
        assertThat(f.topics()).endsWith("ORDER_PLACED", "ORDER_PROGRESSED", "ORDER_PROGRESSED", "ORDER_PROGRESSED");
    }

    @Test
    void aProvinceSeesOnlyItsOwnOrders() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        long id = f.orders.place(BUYER, normal("PO-1", 1000, null), null).id();
        assertThat(f.orders.get(HUBEI_BUYER, id).orderRef()).isEqualTo("PO-1");
        assertThatThrownBy(() -> f.orders.get(HENAN_BUYER, id)).isInstanceOf(NotFoundException.class);
        assertThat(f.orders.list(HENAN_BUYER, null, 10, null).items()).isEmpty();
        assertThat(f.orders.list(HUBEI_BUYER, null, 10, null).items()).hasSize(1);
    }

    @Test
    void cancellingBeforeShipmentIsRecorded() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        long id = f.orders.place(BUYER, normal("PO-1", 1000, null), null).id();
        CentreOrder o = f.orders.cancel(BUYER, id, "need met by donations", null);
        assertThat(o.status()).isEqualTo(CentreOrderStatus.CANCELLED);
        assertThat(f.orders.cancel(BUYER, id, null, null).status()).isEqualTo(CentreOrderStatus.CANCELLED);
        assertThat(f.topics()).last().isEqualTo("ORDER_CANCELLED");
        assertThatThrownBy(() -> f.orders.progress(BUYER, id, CentreOrderStatus.CONFIRMED, null, null))
                .isInstanceOf(ConflictException.class);
    }
}
