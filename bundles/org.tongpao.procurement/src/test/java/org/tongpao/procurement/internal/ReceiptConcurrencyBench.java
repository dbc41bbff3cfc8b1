package org.tongpao.procurement.internal;

import static org.tongpao.procurement.internal.ProcurementFixture.ADMIN;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.KEEPER;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.ReceiptLineRequest;
import org.tongpao.procurement.ReceiptRequest;

/**
 * What keeps concurrent receipts against orders from overlapping, on an in-memory Derby (no Karaf): N threads each
 * receive against an order of their own on a budget line of their own into one depot × item (as
 * {@code ProcurementBench} does in the container), beside N threads of the inventory's own receipts, in alternating
 * rounds; meanwhile a sampler reads Derby's lock table and counts, per table and index, the locks being waited
 * for. Run on demand: {@code mvn -B test -Pbench -pl bundles/org.tongpao.procurement -Dtest=ReceiptConcurrencyBench}
 * ({@code -Dbench.threads}, {@code -Dbench.rows} per thread and round).
 */
class ReceiptConcurrencyBench {
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int EACH = Integer.getInteger("bench.rows", 150);
    private static final int ROUNDS = 3;

    @Test
    void measure() throws Exception {
        try (ProcurementFixture f = new ProcurementFixture()) {
            JdbcProcurementService p = f.procurement;
            long supplier = f.maskMaker(BUYER, "MM-01", null);
            long depot = f.depot("HB-WH-01");
            long item = f.item("MASK-MEDPROT");
            LocalDate expiry = LocalDate.parse("2029-01-31");
            PurchaseOrder[] orders = new PurchaseOrder[THREADS];
            for (int t = 0; t < THREADS; t++) {
                PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01",
                        f.budgetLine("MINISTRY", "100000000"), 10_000_000, true), null);
                p.submit(BUYER, o.id(), null);
                p.approve(BUYER, o.id(), "benchmark: receipts against a placed order", null);
                orders[t] = p.place(BUYER, o.id(), null);
            }
            Work inventory = t -> f.inventory.receive(ADMIN, new NewReceipt(depot, item, 1L, LotOrigin.PURCHASE_ORDER,
                    "BENCH", expiry, null), null);
            Work receipt = t -> p.receive(KEEPER, orders[t].id(), new ReceiptRequest(null, null, null, null, List.of(
                    new ReceiptLineRequest(orders[t].lines().get(0).id(), 1L, 0L, null, null, "CERT", "B1", expiry))),
                    null);
            run(inventory, EACH / 2, null); // warm-up
            run(receipt, EACH / 2, null);
            long[] nanos = new long[2];
            Map<String, Integer> waits = new ConcurrentHashMap<>();
            for (int r = 0; r < ROUNDS; r++) {
                nanos[0] += run(inventory, EACH, null);
                nanos[1] += run(receipt, EACH, new Sampler(f, waits));
            }
            double inv = THREADS * EACH * ROUNDS / (nanos[0] / 1e9);
            double rec = THREADS * EACH * ROUNDS / (nanos[1] / 1e9);
            System.out.printf("[bench] %d threads: inventory receipts %.0f/s, receipts against an order %.0f/s "
                    + "(%.0f %%)%n", THREADS, inv, rec, 100 * rec / inv);
            new TreeMap<>(waits).forEach((k, v) -> System.out.printf("[bench] lock waits seen %5d  %s%n", v, k));
        }
    }

    interface Work {
        void run(int thread);
    }

    private static long run(Work work, int each, Sampler sampler) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<?>[] done = new Future<?>[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done[t] = pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        work.run(thread);
                    }
                    return null;
                });
            }
            if (sampler != null) {
                sampler.start();
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Future<?> d : done) {
                d.get();
            }
            long took = System.nanoTime() - begin;
            if (sampler != null) {
                sampler.stop();
            }
            return took;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads Derby's lock table in a loop: which table and index the waited-for locks are on. */
    private static final class Sampler {
        private final ProcurementFixture f;
        private final Map<String, Integer> waits;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        Sampler(ProcurementFixture f, Map<String, Integer> waits) {
            this.f = f;
            this.waits = waits;
        }

        void start() {
            if (!TestDatabase.POSTGRES.isEmpty()) {
                return;
            }
            thread = new Thread(() -> {
                try (Connection c = f.ds.getConnection(); Statement s = c.createStatement()) {
                    while (running.get()) {
                        try (ResultSet rs = s.executeQuery("SELECT TABLENAME, INDEXNAME, TYPE, MODE FROM "
                                + "SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'")) {
                            while (rs.next()) {
                                waits.merge(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                                        + rs.getString(4), 1, Integer::sum);
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "lock-sampler");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join();
            }
        }
    }
}
