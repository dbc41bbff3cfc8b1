package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.TransientDataAccessException;
import org.tongpao.core.persistence.TransientRetry;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;

/**
 * Same-moment copies of one request (a client's retry racing its original) get one answer between them, and
 * the write happens once; a lock the database keeps giving up on answers 503, never 500, and writes nothing.
 */
class IdempotentRaceTest extends WithFixture {
    private static final int PAIRS = 200;
    /** What a call answered: the transfer, or the refusal's type and message. */
    private static Object answer(Supplier<Transfer> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * A copy told 503 (the database stayed busy for the whole retry window, nothing written, the key released)
     * does what the answer asks: it sends the same request with the same key again, and must then get the
     * other copy's answer. Seen once in 200 pairs on a busy 2-core machine.
     */
    private static Transfer asAClientRetries(Supplier<Transfer> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (TransientDataAccessException busy) {
                if (attempt >= 5) {
                    throw busy;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    @Test
    void sameMomentCopiesOfATransferGetOneAnswerAndOnePosting() throws Exception {
        f.receive(f.hubeiProv, f.kn95, 10, TODAY.plusMonths(6));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean racing = new AtomicBoolean(true);
        try {
            // another writer keeps receiving the item in fives while less than the pairs' 20 is available, so
            // most pairs meet stock right at the edge: the first copy may be refused a moment before a receipt
            // would let the second one through
            Future<?> churn = pool.submit(() -> {
                while (racing.get()) {
                    try {
                        if (f.inventory.available(ADMIN, f.hubeiProv, f.kn95) < 20) {
                            f.inventory.receive(ADMIN, NewReceipt.builder().depotId(f.hubeiProv).itemId(f.kn95)
                                    .quantity(5L).origin(LotOrigin.PURCHASE_ORDER).sourceDocument("PO-churn")
                                    .expiryDate(TODAY.plusMonths(7)).build(), null);
                        } else {
                            f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(1L)
                                    .orgUnitId(f.station).build(), null);
                        }
                    } catch (ConflictException | TransientDataAccessException e) {
                        // a pair took the stock first, or the database stayed busy: the churn just goes on
                    }
                }
                return null;
            });
            List<Object[]> answers = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                String key = "transfer-" + i;
                NewTransfer request = NewTransfer.builder().fromDepotId(f.hubeiProv).toDepotId(f.wuhan).itemId(f.kn95)
                        .quantity(20L).build();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Object>> copies = new ArrayList<>();
                for (int copy = 0; copy < 2; copy++) {
                    copies.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return answer(() -> asAClientRetries(() -> f.inventory.transferOut(ADMIN, request, key)));
                    }));
                }
                answers.add(new Object[] {copies.get(0).get(30, TimeUnit.SECONDS), copies.get(1).get(30,
                        TimeUnit.SECONDS)});
            }
            racing.set(false);
            churn.get(30, TimeUnit.SECONDS);

            List<Long> created = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < PAIRS; i++) {
                Object[] pair = answers.get(i);
                assertThat(pair[1]).as("pair %d", i).isEqualTo(pair[0]);
                if (pair[0] instanceof Transfer t) {
                    created.add(t.id());
                } else {
                    assertThat(pair[0].toString()).startsWith("ConflictException: Not enough available stock");
                    refused++;
                }
            }
            // one transfer (one posting) per key that answered with a transfer, none for a refused key
            assertThat(created).doesNotHaveDuplicates();
            assertThat(f.number("SELECT COUNT(*) FROM tp_inv_transfer")).isEqualTo(created.size());
            assertThat(f.number("SELECT COUNT(*) FROM tp_inv_posting WHERE operation = 'transfer-out'"))
                    .isEqualTo(created.size());
            assertThat(f.number("SELECT COUNT(*) FROM tp_idempotency WHERE state = 'DONE'")).isEqualTo(created.size());
            assertThat(f.number("SELECT COUNT(*) FROM tp_idempotency WHERE state = 'FAILED'")).isEqualTo(refused);
            assertThat(created).isNotEmpty();
            assertThat(refused).isPositive();
            f.assertLedgerMatchesBalances();
        } finally {
            racing.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aLockThatStaysTakenAnswersServiceUnavailableWritesNothingAndFreesTheKey() throws Exception {
        f.shortLockTimeout();
        long lots = f.count("tp_inv_lot");
        long postings = f.count("tp_inv_posting");
        NewReceipt receipt = NewReceipt.builder().depotId(f.wuhan).itemId(f.kn95).quantity(10L)
                .origin(LotOrigin.PURCHASE_ORDER).sourceDocument("PO-9").expiryDate(TODAY.plusMonths(12)).build();
        try (Connection holder = f.ds.getConnection()) {
            holder.setAutoCommit(false);
            // another transaction holds the depot row (as a deactivation would) and does not let go
            try (PreparedStatement ps = holder.prepareStatement("UPDATE tp_depot SET name = name WHERE id = ?")) {
                ps.setLong(1, f.wuhan);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> f.inventory.receive(ADMIN, receipt, "receipt-9"))
                    .isInstanceOfSatisfying(TransientDataAccessException.class, e -> {
                        assertThat(e.retryAfterSeconds()).isEqualTo(TransientRetry.RETRY_AFTER_SECONDS);
                        assertThat(Objects.requireNonNull(e.sqlState())).isIn("40XL1", "55P03");
                    });
            holder.rollback();
        }
        assertThat(f.count("tp_inv_lot")).isEqualTo(lots);
        assertThat(f.count("tp_inv_posting")).isEqualTo(postings);
        assertThat(f.count("tp_idempotency")).isZero();
        // the key was released: the client's retry with it goes through, once
        long lot = f.inventory.receive(ADMIN, receipt, "receipt-9").id();
        assertThat(f.inventory.receive(ADMIN, receipt, "receipt-9").id()).isEqualTo(lot);
        assertThat(f.count("tp_inv_lot")).isEqualTo(lots + 1);
    }
}
