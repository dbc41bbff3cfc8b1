package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent requests share a report's computation, never one that began before they arrived: what was committed
 * before a request (a movement) is in its answer.
 */
class SharedReadsTest {
    private final SharedReads<String, Long> shared = new SharedReads<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** Stands for the ledger: what a computation reads. */
    private final AtomicLong committed = new AtomicLong();
    private final AtomicInteger computations = new AtomicInteger();
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        releaseFirst.countDown();
        pool.shutdownNow();
    }

    /** Reads the ledger; the first computation then holds its answer until released (a slow report). */
    private final Supplier<Long> report = () -> {
        long seen = committed.get();
        if (computations.incrementAndGet() == 1) {
            firstRead.countDown();
            hold(releaseFirst);
        }
        return seen;
    };

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Future<Long> request(String key) {
        return pool.submit(() -> shared.get(key, report));
    }

    /** A request whose computation has read the ledger and now holds its answer until released. */
    private Future<Long> heldFirst(String key) throws InterruptedException {
        Future<Long> f = request(key);
        assertThat(firstRead.await(30, TimeUnit.SECONDS)).isTrue();
        return f;
    }

    private void untilWaiting(int requests) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> shared.waiting("national") == requests);
    }

    @Test
    void aRequestArrivingAfterAMovementSeesItThoughAnOlderComputationIsRunning() throws Exception {
        Future<Long> before = heldFirst("national");
        committed.incrementAndGet(); // a movement commits while the first report is still being computed
        Future<Long> after = request("national");
        untilWaiting(1);
        releaseFirst.countDown();

        assertThat(before.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(after.get(30, TimeUnit.SECONDS)).isEqualTo(1L); // not the running computation's answer
        assertThat(computations).hasValue(2);
    }

    @Test
    void requestsArrivingDuringOneComputationShareTheNextOne() throws Exception {
        Future<Long> first = heldFirst("national");
        committed.set(7);
        List<Future<Long>> later = List.of(request("national"), request("national"), request("national"));
        untilWaiting(3);
        releaseFirst.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        for (Future<Long> f : later) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(7L);
        }
        assertThat(computations).hasValue(2); // four requests, two computations
        assertThat(shared.waiting("national")).isZero();
        assertThat(shared.get("national", report)).isEqualTo(7L); // idle again: computed for this request alone
        assertThat(computations).hasValue(3);
    }

    @Test
    void anotherKeyNeitherWaitsNorShares() throws Exception {
        Future<Long> national = heldFirst("national");
        committed.set(3);

        assertThat(request("42").get(30, TimeUnit.SECONDS)).isEqualTo(3L); // answered while "national" still runs
        assertThat(national.isDone()).isFalse();
        releaseFirst.countDown();
        assertThat(national.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aFailureReachesItsOwnBatchOnly() throws Exception {
        Future<Long> failing = pool.submit(() -> shared.get("national", () -> {
            firstRead.countDown();
            hold(releaseFirst);
            throw new IllegalStateException("database gone");
        }));
        assertThat(firstRead.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Long> next = pool.submit(() -> shared.get("national", () -> 5L));
        untilWaiting(1);
        releaseFirst.countDown();

        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database gone");
        assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo(5L);
    }
}
