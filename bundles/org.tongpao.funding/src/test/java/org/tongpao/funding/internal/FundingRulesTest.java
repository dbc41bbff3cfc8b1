package org.tongpao.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.funding.internal.FundingFixture.cny;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.BudgetAdjustment;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.CommitmentStatus;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.FundingSummary;
import org.tongpao.funding.FundingTopics;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.Money;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.SummaryGroup;

class FundingRulesTest {
    private final FundingFixture f = new FundingFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private BudgetLine sef(String amount) {
        return f.line("SEF-2026", FundingSource.SPECIAL_EPIDEMIC_FUND, BudgetLine.MINISTRY, amount);
    }

    private static String field(Throwable e) {
        if (e instanceof ValidationException v) {
            return v.field();
        }
        return e instanceof ConflictException c ? c.field() : null;
    }

    @Test
    void aCommitmentHoldsTheLineAndTheLastOfItIsRefusedWhole() {
        BudgetLine line = sef("1000.00");
        Commitment m = f.funding.commit(FundingFixture.ADMIN, line.id(), cny("600.00"), null, "PO-1", "masks");
        assertThat(m.open()).isEqualByComparingTo("600.00");
        assertThat(m.status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(f.funding.line(FundingFixture.ADMIN, line.id()).available()).isEqualByComparingTo("400.00");

        assertThatThrownBy(() -> f.funding.commit(FundingFixture.ADMIN, line.id(), cny("400.01"), null, "PO-2", null))
                .isInstanceOf(ConflictException.class).extracting(FundingRulesTest::field).isEqualTo("amount");
        BudgetLine after = f.funding.line(FundingFixture.ADMIN, line.id());
        assertThat(after.committed()).isEqualByComparingTo("600.00");
        assertThat(f.funding.commitments(FundingFixture.ADMIN, line.id(), 50, null).items()).hasSize(1);
        assertThatThrownBy(() -> f.funding.commitment(FundingFixture.ADMIN, "PO-2")).isInstanceOf(NotFoundException.class);

        f.funding.commit(FundingFixture.ADMIN, line.id(), cny("400.00"), null, "PO-2", null);
        assertThat(f.funding.line(FundingFixture.ADMIN, line.id()).available()).isEqualByComparingTo("0.00");
    }

    @Test
    void aRetriedCommitCommitsOnceAndAnotherAmountUnderTheSameReferenceIsAConflict() {
        BudgetLine line = sef("1000.00");
        Commitment first = f.funding.commit(FundingFixture.ADMIN, line.id(), cny("300"), null, "PO-9", null);
        Commitment again = f.funding.commit(FundingFixture.ADMIN, line.id(), cny("300.00"), null, "PO-9", null);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(f.funding.line(FundingFixture.ADMIN, line.id()).committed()).isEqualByComparingTo("300.00");
        assertThatThrownBy(() -> f.funding.commit(FundingFixture.ADMIN, line.id(), cny("301"), null, "PO-9", null))
                .isInstanceOf(ConflictException.class).extracting(FundingRulesTest::field).isEqualTo("reference");
        assertThat(f.core.outbox.events(FundingTopics.COMMITTED)).hasSize(1);
    }

    @Test
    void spendTurnsCommitmentIntoSpendInPartsAndReleaseReturnsTheRest() {
        BudgetLine line = sef("1000.00");
        f.funding.commit(FundingFixture.ADMIN, line.id(), cny("500.00"), null, "PO-1", null);
        f.funding.spend(FundingFixture.ADMIN, "PO-1", cny("200.00"), null, "INV-1", false);
        Commitment m = f.funding.spend(FundingFixture.ADMIN, "PO-1", cny("100.00"), null, "INV-2", false);
        // the same invoice again changes nothing
        f.funding.spend(FundingFixture.ADMIN, "PO-1", cny("100.00"), null, "INV-2", false);
        assertThat(m.consumed()).isEqualByComparingTo("300.00");
        assertThat(m.spent()).isEqualByComparingTo("300.00");
        assertThat(m.open()).isEqualByComparingTo("200.00");
        BudgetLine l = f.funding.line(FundingFixture.ADMIN, line.id());
        assertThat(List.of(l.committed(), l.spent(), l.available()))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("200"), new BigDecimal("300"),
                        new BigDecimal("500"));

        assertThatThrownBy(() -> f.funding.spend(FundingFixture.ADMIN, "PO-1", cny("200.01"), null, "INV-3", false))
                .isInstanceOf(ConflictException.class).extracting(FundingRulesTest::field).isEqualTo("amount");
        assertThatThrownBy(() -> f.funding.spend(FundingFixture.ADMIN, "PO-1", cny("1"), null, "INV-2", false))
                .isInstanceOf(ConflictException.class).extracting(FundingRulesTest::field).isEqualTo("receiptReference");

        Commitment released = f.funding.release(FundingFixture.ADMIN, "PO-1", null, "CANCEL-1", "order cancelled");
        f.funding.release(FundingFixture.ADMIN, "PO-1", null, "CANCEL-1", "order cancelled");
        assertThat(released.released()).isEqualByComparingTo("200.00");
        assertThat(released.status()).isEqualTo(CommitmentStatus.CLOSED);
        l = f.funding.line(FundingFixture.ADMIN, line.id());
        assertThat(l.committed()).isEqualByComparingTo("0");
        assertThat(l.available()).isEqualByComparingTo("700.00");
        assertThat(f.core.outbox.events(FundingTopics.PREFIX)).extracting(e -> e.getTopic()).containsExactly(
                FundingTopics.LINE_CREATED, FundingTopics.COMMITTED, FundingTopics.SPENT, FundingTopics.SPENT,
                FundingTopics.RELEASED);
    }

    @Test
    void spendingBeyondTheCommitmentDrawsOnTheLineOnlyWhenStated() {
        BudgetLine line = sef("1000.00");
        f.funding.commit(FundingFixture.ADMIN, line.id(), cny("500.00"), null, "PO-1", null);
        Commitment m = f.funding.spend(FundingFixture.ADMIN, "PO-1", cny("520.00"), null, "INV-1", true);
        assertThat(m.open()).isEqualByComparingTo("0");
        assertThat(m.spent()).isEqualByComparingTo("520.00");
        assertThat(f.funding.line(FundingFixture.ADMIN, line.id()).available()).isEqualByComparingTo("480.00");
        f.funding.commit(FundingFixture.ADMIN, line.id(), cny("480.00"), null, "PO-2", null);
        assertThatThrownBy(() -> f.funding.spend(FundingFixture.ADMIN, "PO-2", cny("480.01"), null, "INV-2", true))
                .isInstanceOf(ConflictException.class).extracting(FundingRulesTest::field).isEqualTo("amount");
    }

    @Test
    void aForeignOrderIsCommittedAtTheOrderRateAndPaidAtThePaymentRate() {
        BudgetLine line = sef("100000.00");
        ExchangeRate atOrder = new ExchangeRate("KRW", "CNY", new BigDecimal("0.0052"), f.clock.instant(), "bank");
        Commitment m = f.funding.commit(FundingFixture.ADMIN, line.id(), Money.of("10000000", "KRW"), atOrder, "IMP-1", null);
        assertThat(m.amount()).isEqualByComparingTo("52000.00");
        assertThat(m.original()).isEqualTo(Money.of("10000000", "KRW"));
        assertThatThrownBy(() -> f.funding.commit(FundingFixture.ADMIN, line.id(), Money.of("1", "KRW"), null, "IMP-2", null))
                .extracting(FundingRulesTest::field).isEqualTo("rate");

        // half paid when the won was dearer: the commitment's half is consumed, the line pays the difference
        ExchangeRate atPayment = new ExchangeRate("KRW", "CNY", new BigDecimal("0.0054"), f.clock.instant(), "bank");
        m = f.funding.spend(FundingFixture.ADMIN, "IMP-1", Money.of("5000000", "KRW"), atPayment, "PAY-1", false);
        assertThat(m.consumed()).isEqualByComparingTo("26000.00");
        assertThat(m.spent()).isEqualByComparingTo("27000.00");
        assertThat(m.originalOpen()).isEqualTo(Money.of("5000000", "KRW"));
        BudgetLine l = f.funding.line(FundingFixture.ADMIN, line.id());
        assertThat(l.committed()).isEqualByComparingTo("26000.00");
        assertThat(l.spent()).isEqualByComparingTo("27000.00");
        assertThat(l.available()).isEqualByComparingTo("47000.00");

        // the rest cancelled: exactly the open CNY comes back, no rounding residue
        m = f.funding.release(FundingFixture.ADMIN, "IMP-1", null, "CANCEL-IMP-1", null);
        assertThat(m.open()).isEqualByComparingTo("0");
        assertThat(f.funding.line(FundingFixture.ADMIN, line.id()).available()).isEqualByComparingTo("73000.00");
    }

    @Test
    void partsConvertedWithRoundingLeaveNoResidueWhenTheLastPartIsPaid() {
        BudgetLine line = sef("1000.00");
        ExchangeRate rate = new ExchangeRate("USD", "CNY", new BigDecimal("7.1234"), f.clock.instant(), null);
        // 10.01 USD → 71.305234 → 71.31 CNY
        Commitment m = f.funding.commit(FundingFixture.ADMIN, line.id(), Money.of("10.01", "USD"), rate, "US-1", null);
        assertThat(m.amount()).isEqualByComparingTo("71.31");
        for (int i = 1; i <= 3; i++) {
            // 3.33 USD → 23.720922 → 23.72 each; the last 0.02 USD consumes the 0.15 CNY left
            m = f.funding.spend(FundingFixture.ADMIN, "US-1", Money.of("3.33", "USD"), rate, "P-" + i, false);
        }
        assertThat(m.consumed()).isEqualByComparingTo("71.16");
        m = f.funding.spend(FundingFixture.ADMIN, "US-1", Money.of("0.02", "USD"), rate, "P-4", false);
        assertThat(m.open()).isEqualByComparingTo("0");
        assertThat(m.consumed()).isEqualByComparingTo("71.31");
        assertThat(m.spent()).isEqualByComparingTo("71.30");
        BudgetLine l = f.funding.line(FundingFixture.ADMIN, line.id());
        assertThat(l.committed()).isEqualByComparingTo("0");
        assertThat(l.spent()).isEqualByComparingTo("71.30");
        assertThat(l.available()).isEqualByComparingTo("928.70");
    }

    @Test
    void aProvinceSeesAndCommitsOnlyOnItsOwnLines() {
        BudgetLine hubei = f.line("HB-2026", FundingSource.PROVINCIAL_BUDGET, "42", "500.00");
        BudgetLine ministry = sef("1000.00");
        f.line("JS-2026", FundingSource.PROVINCIAL_BUDGET, "32", "700.00");
        assertThat(f.funding.lines(FundingFixture.HUBEI, LineFilter.ALL, 50, null).items())
                .extracting(BudgetLine::code).containsExactly("HB-2026");
        assertThatThrownBy(() -> f.funding.line(FundingFixture.HUBEI, ministry.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.funding.commit(FundingFixture.HUBEI, ministry.id(), cny("1"), null, "X", null))
                .isInstanceOf(NotFoundException.class);
        f.funding.commit(FundingFixture.HUBEI, hubei.id(), cny("100"), null, "HB-PO-1", null);
        assertThatThrownBy(() -> f.funding.commitment(FundingFixture.JIANGSU, "HB-PO-1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.funding.commit(FundingFixture.AUDITOR, hubei.id(), cny("1"), null, "A", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.funding.summary(FundingFixture.HUBEI, LineFilter.ALL, Set.of()))
                .extracting(FundingSummary::holder).containsExactly("42");
    }

    @Test
    void financeManagesLinesAndAProvincesFinanceOnlyItsOwn() {
        assertThatThrownBy(() -> f.funding.createLine(FundingFixture.HUBEI, new NewBudgetLine("HB-X",
                "x", FundingSource.PROVINCIAL_BUDGET, "42", null, BigDecimal.TEN, null), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.funding.createLine(FundingFixture.HUBEI_FINANCE, new NewBudgetLine("JS-X",
                "x", FundingSource.PROVINCIAL_BUDGET, "32", null, BigDecimal.TEN, null), null))
                .isInstanceOf(AccessDeniedException.class);
        BudgetLine own = f.funding.createLine(FundingFixture.HUBEI_FINANCE, new NewBudgetLine("HB-X", "x",
                FundingSource.PROVINCIAL_BUDGET, "42", null, new BigDecimal("10.5"), null), "key-1");
        assertThat(own.budget()).isEqualByComparingTo("10.50");
        // the same key again: the same line, no second one
        assertThat(f.funding.createLine(FundingFixture.HUBEI_FINANCE, new NewBudgetLine("HB-X", "x",
                FundingSource.PROVINCIAL_BUDGET, "42", null, new BigDecimal("10.5"), null), "key-1").id()).isEqualTo(own.id());
        assertThat(f.funding.lines(FundingFixture.ADMIN, LineFilter.ALL, 50, null).items()).hasSize(1);
    }

    @Test
    void badLinesNameTheirField() {
        record Case(NewBudgetLine line, String field) {
        }
        for (Case c : List.of(
                new Case(new NewBudgetLine("bad code", "n", FundingSource.CENTRAL_ALLOCATION, "MINISTRY", null, BigDecimal.ONE, null), "code"),
                new Case(new NewBudgetLine("C-1", " ", FundingSource.CENTRAL_ALLOCATION, "MINISTRY", null, BigDecimal.ONE, null), "name"),
                new Case(new NewBudgetLine("C-1", "n", null, "MINISTRY", null, BigDecimal.ONE, null), "source"),
                new Case(new NewBudgetLine("C-1", "n", FundingSource.CENTRAL_ALLOCATION, "99", null, BigDecimal.ONE, null), "holder"),
                new Case(new NewBudgetLine("C-1", "n", FundingSource.PROVINCIAL_BUDGET, "MINISTRY", null, BigDecimal.ONE, null), "holder"),
                new Case(new NewBudgetLine("C-1", "n", FundingSource.CENTRAL_ALLOCATION, "MINISTRY", null, new BigDecimal("0.001"), null), "amount"),
                new Case(new NewBudgetLine("C-1", "n", FundingSource.CENTRAL_ALLOCATION, "MINISTRY", null, new BigDecimal("-1"), null), "amount"),
                new Case(new NewBudgetLine("C-1", "n", FundingSource.CENTRAL_ALLOCATION, "MINISTRY", null, BigDecimal.ONE, "USD"), "currency"))) {
            assertThatThrownBy(() -> f.funding.createLine(FundingFixture.FINANCE, c.line(), null))
                    .as(c.toString()).isInstanceOf(ValidationException.class).extracting(FundingRulesTest::field)
                    .isEqualTo(c.field());
        }
        f.line("C-1", FundingSource.CENTRAL_ALLOCATION, "MINISTRY", "1");
        assertThatThrownBy(() -> f.line("C-1", FundingSource.CENTRAL_ALLOCATION, "MINISTRY", "1"))
                .isInstanceOf(ConflictException.class).extracting(FundingRulesTest::field).isEqualTo("code");
    }

    @Test
    void aCutNeverGoesBelowWhatIsCommittedAndSpent() {
        BudgetLine line = sef("1000.00");
        f.funding.commit(FundingFixture.ADMIN, line.id(), cny("700"), null, "PO-1", null);
        assertThatThrownBy(() -> f.funding.adjustLine(FundingFixture.FINANCE, line.id(),
                new BudgetAdjustment(new BigDecimal("-300.01"), "cut", null), null))
                .isInstanceOf(ConflictException.class).extracting(FundingRulesTest::field).isEqualTo("delta");
        BudgetLine cut = f.funding.adjustLine(FundingFixture.FINANCE, line.id(),
                new BudgetAdjustment(new BigDecimal("-300"), "cut", null), null);
        assertThat(cut.budget()).isEqualByComparingTo("700");
        assertThat(cut.available()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> f.funding.adjustLine(FundingFixture.FINANCE, line.id(),
                new BudgetAdjustment(new BigDecimal("5"), "top up", 1L), null)).isInstanceOf(TongpaoException.class);
        assertThatThrownBy(() -> f.funding.adjustLine(FundingFixture.OFFICER, line.id(),
                new BudgetAdjustment(new BigDecimal("5"), "top up", null), null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSummaryGroupsBudgetCommittedAndSpent() {
        BudgetLine a = f.line("SEF-A", FundingSource.SPECIAL_EPIDEMIC_FUND, "MINISTRY", "1000");
        f.line("SEF-B", FundingSource.SPECIAL_EPIDEMIC_FUND, "MINISTRY", "500");
        BudgetLine hb = f.line("HB-A", FundingSource.PROVINCIAL_BUDGET, "42", "300");
        f.funding.commit(FundingFixture.ADMIN, a.id(), cny("100"), null, "R1", null);
        f.funding.spend(FundingFixture.ADMIN, "R1", cny("40"), null, "I1", false);
        f.funding.commit(FundingFixture.ADMIN, hb.id(), cny("30"), null, "R2", null);
        List<FundingSummary> bySource = f.funding.summary(FundingFixture.FINANCE, LineFilter.ALL, Set.of(SummaryGroup.SOURCE));
        assertThat(bySource).hasSize(2);
        FundingSummary sef = bySource.stream().filter(s -> s.source() == FundingSource.SPECIAL_EPIDEMIC_FUND).findFirst()
                .orElseThrow();
        assertThat(sef.lines()).isEqualTo(2);
        assertThat(sef.holder()).isNull();
        assertThat(List.of(sef.budget(), sef.committed(), sef.spent(), sef.available()))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1500"), new BigDecimal("60"),
                        new BigDecimal("40"), new BigDecimal("1400"));
        assertThat(f.funding.summary(FundingFixture.FINANCE, new LineFilter(null, "42", null), Set.of()))
                .singleElement().satisfies(s -> assertThat(s.committed()).isEqualByComparingTo("30"));
    }

    @Test
    void aCommitmentInsideTheCallersTransactionRollsBackWithIt() {
        BudgetLine line = sef("1000.00");
        assertThatThrownBy(() -> Transactions.enclosing(f.ds, "order.approve", c -> {
            f.funding.commit(FundingFixture.ADMIN, line.id(), cny("100"), null, "PO-R", null);
            throw new IllegalStateException("the order's own step failed");
        })).hasMessageContaining("own step");
        assertThat(f.funding.line(FundingFixture.ADMIN, line.id()).committed()).isEqualByComparingTo("0");
        assertThat(f.core.outbox.events(FundingTopics.COMMITTED)).isEmpty();

        // a refusal inside leaves the caller's transaction usable: it commits its other work
        Transactions.enclosing(f.ds, "order.approve", c -> {
            f.funding.commit(FundingFixture.ADMIN, line.id(), cny("600"), null, "PO-A", null);
            assertThatThrownBy(() -> f.funding.commit(FundingFixture.ADMIN, line.id(), cny("600"), null, "PO-B", null))
                    .isInstanceOf(ConflictException.class);
            return null;
        });
        assertThat(f.funding.line(FundingFixture.ADMIN, line.id()).committed()).isEqualByComparingTo("600");
    }
}
