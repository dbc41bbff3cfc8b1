package org.tongpao.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tongpao.funding.internal.FundingFixture.cny;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.FundingSource;

/**
 * Two approvals racing for the last of a line: exactly one wins, on Derby and on PostgreSQL
 * ({@code -Dtongpao.test.postgres=host:port}). And commitments on different lines do not wait for each other.
 */
class FundingRaceTest {
    private final FundingFixture f = new FundingFixture();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        threads.shutdownNow();
        f.close();
    }

    private BudgetLine line(String code) {
        return f.line(code, FundingSource.SPECIAL_EPIDEMIC_FUND, BudgetLine.MINISTRY, "1000.00");
    }

    /** Commits and answers "won", or "409 amount" when refused for the amount. */
    private String approve(long lineId, String amount, String reference) {
        try {
            f.funding.commit(FundingFixture.ADMIN, lineId, cny(amount), null, reference, null);
            return "won";
        } catch (ConflictException e) {
            return "409 " + e.field();
        }
    }

    @Test
    void twoApprovalsStartedTogetherForTheLastOfALineExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = line("RACE-" + round).id();
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<String>> results = new ArrayList<>();
            for (String ref : List.of("A-" + round, "B-" + round)) {
                results.add(threads.submit(() -> {
                    start.await();
                    return approve(id, "600.00", ref);
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> r : results) {
                outcomes.add(r.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("won", "409 amount");
            BudgetLine after = f.funding.line(FundingFixture.ADMIN, id);
            assertThat(after.committed()).isEqualByComparingTo("600.00");
            assertThat(f.funding.commitments(FundingFixture.ADMIN, id, 50, null).items()).hasSize(1);
        }
    }

    /**
     * The loser's condition is evaluated after the winner commits, whatever the timing: the winner holds the line
     * (its approval's transaction still open) while the second approval is seen waiting for the row lock; once
     * the winner commits, the second is refused.
     */
    @Test
    void theSecondApprovalWaitsForTheFirstAndIsThenRefused() throws Exception {
        long id = line("RACE").id();
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        Future<String> first = holding(id, "FIRST", firstHolds, finishFirst);
        assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
        Future<String> second = threads.submit(() -> approve(id, "600.00", "SECOND"));
        await().atMost(Duration.ofSeconds(20)).until(() -> lockWaits() > 0);
        assertThat(second.isDone()).isFalse();
        finishFirst.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("won");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("409 amount");
        assertThat(f.funding.line(FundingFixture.ADMIN, id).committed()).isEqualByComparingTo("600.00");
    }

    /**
     * While one approval holds line A (its transaction open), a commitment on line B commits: no table or global
     * lock. Seen from another connection, so that what follows B's commit (the test outbox posts its events
     * inline, where the platform posts them on the outbox's own thread) does not count.
     */
    @Test
    void commitmentsOnDifferentLinesDoNotWaitForEachOther() throws Exception {
        long a = line("LINE-A").id();
        long b = line("LINE-B").id();
        CountDownLatch holdsA = new CountDownLatch(1);
        CountDownLatch finishA = new CountDownLatch(1);
        Future<String> onA = holding(a, "ON-A", holdsA, finishA);
        Future<String> onB;
        try {
            assertThat(holdsA.await(30, TimeUnit.SECONDS)).isTrue();
            onB = threads.submit(() -> approve(b, "600.00", "ON-B"));
            // with a table lock B would wait for A's transaction, which waits for this
            await().atMost(Duration.ofSeconds(20)).until(() -> f.funding.line(FundingFixture.ADMIN, b).committed()
                    .signum() > 0);
            assertThat(onA.isDone()).isFalse();
        } finally {
            finishA.countDown();
        }
        assertThat(onA.get(30, TimeUnit.SECONDS)).isEqualTo("won");
        assertThat(onB.get(30, TimeUnit.SECONDS)).isEqualTo("won");
        assertThat(f.funding.line(FundingFixture.ADMIN, a).committed()).isEqualByComparingTo("600.00");
    }

    /** An approval of 600 that keeps its transaction (and the line's lock) open from {@code holds} to {@code finish}. */
    private Future<String> holding(long lineId, String reference, CountDownLatch holds, CountDownLatch finish) {
        return threads.submit(() -> Transactions.enclosing(f.ds, "order.approve", c -> {
            String outcome = approve(lineId, "600.00", reference);
            holds.countDown();
            finish.await();
            return outcome;
        }));
    }

    /** How many lock requests are waiting now (Derby's lock table, PostgreSQL's pg_locks). */
    private long lockWaits() throws SQLException {
        String sql = TestDatabase.POSTGRES.isEmpty() ? "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'"
                : "SELECT COUNT(*) FROM pg_locks WHERE NOT granted";
        try (Connection c = f.ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
