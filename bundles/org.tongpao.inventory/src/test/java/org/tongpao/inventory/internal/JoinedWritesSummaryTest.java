package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.inventory.NewIssue;

/**
 * Stock writes joined to another bundle's enclosing transaction (a receipt against an order) fold into the summaries
 * once, just before the enclosing commit: the summary row every receipt of that province and item waits for is not
 * held through the rest of the enclosing work, and the summaries still equal the balances and the ledger.
 */
class JoinedWritesSummaryTest extends WithFixture {

    private long summaryOnHand(long item) {
        return f.number("SELECT COALESCE(SUM(on_hand), 0) FROM tp_inv_stock_summary WHERE province_code = '42' "
                + "AND item_id = " + item);
    }

    @Test
    void joinedWritesFoldOnceAtTheEnclosingCommitAndAFailedOneDoesNotCount() {
        long before = summaryOnHand(f.kn95);
        long held = f.number("SELECT COALESCE(SUM(on_hand), 0) FROM tp_inv_balance WHERE item_id = " + f.kn95);
        Transactions.enclosing(f.ds, "an order's receipt", c -> {
            long lot = f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
            f.receive(f.hubeiProv, f.kn95, 20, TODAY.plusYears(1));
            f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95).quantity(30L)
                    .orgUnitId(f.station).sourceDocument("REQ").lotId(lot).build(), null);
            assertThatThrownBy(() -> f.receive(f.wuhan, f.kn95, 5, TODAY.minusDays(1)))
                    .isInstanceOf(ValidationException.class);
            // read on the enclosing connection: the balances are there, the summary waits for the commit
            long balances = Transactions.read(f.ds, c2 -> Jdbc.count(c2, "SELECT COALESCE(SUM(on_hand), 0) FROM "
                    + "tp_inv_balance WHERE item_id = ?", List.of(f.kn95)));
            long summary = Transactions.read(f.ds, c2 -> Jdbc.count(c2, "SELECT COALESCE(SUM(on_hand), 0) FROM "
                    + "tp_inv_stock_summary WHERE province_code = '42' AND item_id = ?", List.of(f.kn95)));
            assertThat(balances).isEqualTo(held + 90);
            assertThat(summary).isEqualTo(before);
            return null;
        });
        assertThat(summaryOnHand(f.kn95)).isEqualTo(before + 90);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void aReceiptOfTheSameProvinceAndItemCommitsWhileAnEnclosingReceiptIsStillAtWork() throws Exception {
        long before = summaryOnHand(f.kn95);
        f.receive(f.wuhan, f.kn95, 10, TODAY.plusYears(1)); // the summary row exists: the case that waited before
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Object> enclosing = CompletableFuture.supplyAsync(() -> Transactions.enclosing(f.ds,
                "an order's receipt", c -> {
                    f.receive(f.wuhan, f.kn95, 100, TODAY.plusYears(1));
                    received.countDown();
                    // the rest of the order's receipt (its lines, audit, event) runs while others receive
                    assertThat(finish.await(20, TimeUnit.SECONDS)).isTrue();
                    return null;
                }));
        assertThat(received.await(20, TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture<Long> other = CompletableFuture.supplyAsync(
                    () -> f.receive(f.wuhan, f.kn95, 7, TODAY.plusYears(1)));
            assertThat(other.get(15, TimeUnit.SECONDS)).isPositive();
            assertThat(enclosing).isNotDone();
        } finally {
            finish.countDown();
        }
        enclosing.get(20, TimeUnit.SECONDS);
        assertThat(summaryOnHand(f.kn95)).isEqualTo(before + 117);
        f.assertLedgerMatchesBalances();
    }
}
