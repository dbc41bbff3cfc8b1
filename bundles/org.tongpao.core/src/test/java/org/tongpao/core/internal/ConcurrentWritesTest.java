package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.core.internal.Fixture.ADMIN;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tongpao.core.NewDepot;

/** Distinct writes from many threads at once all land, each with its audit row. */
class ConcurrentWritesTest {

    @Test
    void parallelCreatesAllSucceed() throws Exception {
        try (Fixture f = new Fixture(false)) {
            long owner = f.unit("P42").id();
            long audits = f.count("tp_audit");
            int threads = 8;
            int each = 5;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            f.depots.create(ADMIN, new NewDepot("HB-P-" + thread + "-" + i, "Store", owner, null),
                                    "k-" + thread + "-" + i);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> d : done) {
                    d.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(f.count("tp_depot")).isEqualTo(threads * each);
            assertThat(f.count("tp_audit")).isEqualTo(audits + threads * each);
            assertThat(f.count("tp_idempotency")).isEqualTo(threads * each);
        }
    }
}
