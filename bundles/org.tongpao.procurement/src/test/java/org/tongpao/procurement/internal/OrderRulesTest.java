package org.tongpao.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.OrderStatus.APPROVED;
import static org.tongpao.procurement.OrderStatus.CANCELLED;
import static org.tongpao.procurement.OrderStatus.DRAFT;
import static org.tongpao.procurement.OrderStatus.PARTIALLY_RECEIVED;
import static org.tongpao.procurement.OrderStatus.PLACED;
import static org.tongpao.procurement.OrderStatus.RECEIVED;
import static org.tongpao.procurement.OrderStatus.SUBMITTED;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.funding.Money;
import org.tongpao.procurement.Approval;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;

/** The order state machine, the approval rules and the order's money, without a database. */
class OrderRulesTest {
    private static final Instant NOW = Instant.parse("2026-02-03T02:00:00Z");
    private static final Caller LI = Caller.of("li", Set.of("procurement-officer"), "r1");
    private static final Caller WANG = Caller.of("wang", Set.of("procurement-officer"), "r2");

    private static PurchaseOrder order(OrderStatus status, boolean emergency, List<Approval> approvals) {
        return new PurchaseOrder(1, "PO-C-000001", null, 1, "S", 1, "D", null, null, status, emergency, null, "CNY",
                BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, 1, "ref", BigDecimal.ZERO, null, List.of(), approvals,
                "li", NOW, null, null, null, null, null, null, null, null, 0, null, null, null, null);
    }

    @Test
    void theStateMachineAllowsOnlyItsSteps() {
        assertThat(DRAFT.canBecome(SUBMITTED)).isTrue();
        assertThat(DRAFT.canBecome(APPROVED)).isFalse();
        assertThat(SUBMITTED.canBecome(APPROVED)).isTrue();
        assertThat(SUBMITTED.canBecome(PLACED)).isFalse();
        assertThat(APPROVED.canBecome(PLACED)).isTrue();
        assertThat(APPROVED.canBecome(RECEIVED)).isFalse();
        assertThat(PLACED.canBecome(PARTIALLY_RECEIVED)).isTrue();
        assertThat(PARTIALLY_RECEIVED.canBecome(PARTIALLY_RECEIVED)).isTrue();
        assertThat(PARTIALLY_RECEIVED.canBecome(RECEIVED)).isTrue();
        assertThat(PARTIALLY_RECEIVED.canBecome(CANCELLED)).isTrue();
        assertThat(RECEIVED.canBecome(CANCELLED)).isFalse();
        assertThat(CANCELLED.canBecome(DRAFT)).isFalse();
        assertThat(RECEIVED.closed()).isTrue();
        assertThat(CANCELLED.closed()).isTrue();
        assertThat(List.of(OrderStatus.values())).filteredOn(OrderStatus::receivable)
                .containsExactly(PLACED, PARTIALLY_RECEIVED);
        assertThatThrownBy(() -> Orders.requireStep(order(RECEIVED, false, List.of()), CANCELLED, "cancelled"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("RECEIVED");
    }

    @Test
    void aNormalOrderIsApprovedByTwoDifferentPeople() {
        ApprovalRules.Decision first = ApprovalRules.decide(order(SUBMITTED, false, List.of()), LI, null, NOW);
        assertThat(first.completes()).isFalse();
        assertThat(first.approval().step()).isEqualTo(1);
        assertThat(first.approval().role()).isEqualTo("procurement-officer");

        PurchaseOrder once = order(SUBMITTED, false, List.of(first.approval()));
        assertThatThrownBy(() -> ApprovalRules.decide(once, LI, null, NOW)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("approver");
        ApprovalRules.Decision second = ApprovalRules.decide(once, WANG, null, NOW);
        assertThat(second.completes()).isTrue();
        assertThat(second.approval().step()).isEqualTo(2);
    }

    @Test
    void anEmergencyOrderIsApprovedOnceWithAJustification() {
        PurchaseOrder emergency = order(SUBMITTED, true, List.of());
        assertThatThrownBy(() -> ApprovalRules.decide(emergency, LI, null, NOW))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("justification");
        assertThatThrownBy(() -> ApprovalRules.decide(emergency, LI, "   urgent ", NOW))
                .isInstanceOf(ValidationException.class);
        ApprovalRules.Decision d = ApprovalRules.decide(emergency, LI, " Wuhan runs out of masks in two days ", NOW);
        assertThat(d.completes()).isTrue();
        assertThat(d.approval().emergency()).isTrue();
        assertThat(d.approval().approver()).isEqualTo("li");
        assertThat(d.approval().justification()).isEqualTo("Wuhan runs out of masks in two days");
    }

    @Test
    void onlyASubmittedOrderIsApproved() {
        for (OrderStatus s : List.of(DRAFT, APPROVED, PLACED, CANCELLED)) {
            assertThatThrownBy(() -> ApprovalRules.decide(order(s, true, List.of()), LI, "a long enough reason", NOW))
                    .isInstanceOf(ConflictException.class)
                    .extracting(e -> ((ConflictException) e).field()).isEqualTo("status");
        }
    }

    @Test
    void partialDeliveriesSpendExactlyTheLinesAmount() {
        BigDecimal price = new BigDecimal("0.3333");
        Money whole = Pricing.lineAmount(10, price, "CNY");
        assertThat(whole).isEqualTo(Money.of("3.33", "CNY"));
        // delivered one at a time: each part priced on its own (0.33) would add up to 3.30, not the line's 3.33
        Money parts = Money.zero("CNY");
        long before = 0;
        for (long part : new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}) {
            parts = parts.plus(Pricing.spendOf(before, part, price, "CNY"));
            before += part;
        }
        assertThat(parts).isEqualTo(whole);
        assertThat(Pricing.spendOf(0, 1, price, "CNY")).isEqualTo(Money.of("0.33", "CNY"));
    }

    @Test
    void foreignOrdersConvertAtTheRecordedRateRoundedOnce() {
        Money krw = Pricing.lineAmount(100_000, new BigDecimal("1450"), "KRW");
        assertThat(krw).isEqualTo(Money.of("145000000", "KRW"));
        assertThat(Pricing.rate("KRW", new BigDecimal("0.005237"), NOW, "order").convert(krw))
                .isEqualTo(Money.of("759365.00", "CNY"));
        assertThat(Pricing.rate("CNY", BigDecimal.ONE, NOW, "order").isIdentity()).isTrue();
    }

    @Test
    void capacityIsWholeDaysOfProductionFromTheLeadTimeLessWhatIsOnOrder() {
        LocalDate today = LocalDate.parse("2026-02-03");
        CapacityView.Row row = new CapacityView.Row(1, "S", "S", "CN", null, "GB 19083-2010", 70_000, 3, 25_000);
        assertThat(CapacityView.offer(row, today, today.plusDays(2)).availableBy()).isZero();
        assertThat(CapacityView.offer(row, today, today.plusDays(3)).availableBy()).isZero(); // 10,000 < 25,000
        assertThat(CapacityView.offer(row, today, today.plusDays(9)).availableBy()).isEqualTo(45_000);
        assertThat(CapacityView.offer(row, today, today.plusDays(9)).firstDelivery()).isEqualTo("2026-02-06");
    }
}
