package org.tongpao.procurement.centre.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.centre.internal.CentreFixture.BUYER;
import static org.tongpao.procurement.centre.internal.CentreFixture.HENAN_BUYER;
import static org.tongpao.procurement.centre.internal.CentreFixture.HUBEI_BUYER;
import static org.tongpao.procurement.centre.internal.CentreFixture.TODAY;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;

class CentreOrdersTest {
    private static final String WHY = "Wuhan hospitals run out of N95 within 48 hours";
    private final CentreFixture f = new CentreFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static NewCentreOrder normal(String ref, long qty, String agreement) {
        return new NewCentreOrder(ref, "MASK-N95", qty, null, "42", agreement, false, null, null);
    }

    @Test
    void anOrderWithoutANamedSourceGoesToTheCheapestValidAgreement() {
        f.agreement("FA-DEAR", "3.10", 100_000, 3, 1);
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        CentreOrder o = f.orders.place(BUYER, normal("PO-1", 1000, null), null);
        assertThat(o.agreementCode()).isEqualTo("FA-CHEAP");
        assertThat(o.total()).isEqualByComparingTo("2500.00");
        assertThat(o.promisedDate()).isEqualTo(TODAY.plusDays(14));
        assertThat(o.status()).isEqualTo(CentreOrderStatus.PLACED);
        assertThat(f.topics()).containsExactly("AGREEMENT_CREATED", "AGREEMENT_CREATED", "ORDER_PLACED");
    }

    @Test
    void noValidAgreementIsAConflictNamingTheItem() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        f.agreements.withdraw(BUYER, f.agreements.list(BUYER, null, 10, null).items().get(0).id(), "supplier failed audit", null);
        assertThatThrownBy(() -> f.orders.place(BUYER, normal("PO-1", 1000, null), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("itemCode"));
    }

    @Test
    void anEmergencyProcurementRecordsItsSingleSourceJustificationAndApproverAndIsExpedited() {
        f.agreement("FA-DEAR", "3.10", 100_000, 3, 1);
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        CentreOrder o = f.orders.place(BUYER, new NewCentreOrder("PO-E1", "MASK-N95", 5000L, null, "42", "FA-CHEAP", true,
                WHY, "director-li"), null);
        assertThat(o.emergency()).isTrue();
        assertThat(o.agreementCode()).isEqualTo("FA-CHEAP");
        assertThat(o.justification()).isEqualTo(WHY);
        assertThat(o.approvedBy()).isEqualTo("director-li");
        assertThat(o.promisedDate()).isEqualTo(TODAY.plusDays(7));
        assertThat(o.events()).singleElement().satisfies(e -> assertThat(e.note()).contains("single source"));
    }

    @Test
    void onlyTheMinistrysBuyersRecordEmergencies() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        assertThatThrownBy(() -> f.orders.place(HUBEI_BUYER, new NewCentreOrder("PO-E2", "MASK-N95", 5L, null, "42",
                "FA-CHEAP", true, WHY, "director-li"), null)).isInstanceOf(AccessDeniedException.class);
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
    void aNamedAgreementMustBeValidAndInTime() {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        assertThatThrownBy(() -> f.orders.place(BUYER, normal("PO-1", 1000, "FA-NONE"), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.orders.place(BUYER, new NewCentreOrder("PO-1", "MASK-N95", 1000L, TODAY.plusDays(3),
                null, "FA-CHEAP", false, null, null), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("neededBy"));
        f.clock.now = CentreFixture.NOW.plusSeconds(200L * 86400);
        assertThatThrownBy(() -> f.orders.place(BUYER, normal("PO-1", 1000, "FA-CHEAP"), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("not valid"));
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
        assertThat(f.topics()).last().isEqualTo("ORDER_CANCELLED");
        assertThatThrownBy(() -> f.orders.progress(BUYER, id, CentreOrderStatus.CONFIRMED, null, null))
                .isInstanceOf(ConflictException.class);
    }
}
