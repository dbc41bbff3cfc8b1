package org.tongpao.itests.bench;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.itests.Api;
import org.tongpao.reporting.Reports;

/**
 * The reports over REST against a single balance lookup on the same node, in the same run, with
 * {@code bench.balanceRows} (default 50,000) balance rows made by as many receipts through the inventory service:
 * {@code mvn -B verify -Pbench -pl itests -Dit.test=ReportingBench}. Not a test: figures go to the output and to
 * {@code bench.reportingOut} (default {@code reporting-bench.md}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportingBench extends CentralBench {
    private static final int BALANCE_ROWS = Integer.getInteger("bench.balanceRows", 50_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 5);
    private static final int ROUNDS = 2;
    private static final int THREADS = 4;
    private static final int CONTENTION_RECEIPTS = Integer.getInteger("bench.contentionReceipts", 2_000);

    @Inject
    Reports reports;

    @Override
    protected String[] knobs() {
        return new String[] {"bench.balanceRows", "bench.requests", "bench.reportingOut",
            "bench.contentionReceipts"};
    }

    @Test
    public void measure() throws Exception {
        Caller system = Caller.system("bench");
        Api admin = api().as("admin");
        List<Depot> allDepots = depots.list(system, new DepotFilter(null, null, true, null), 500, null).items();
        List<Item> items = catalogue.list(system, new ItemFilter(null, null, true), 500, null).items();
        long depot = depots.getByCode(system, "HB-PROV-01").id();
        long item = catalogue.getByCode(system, "MASK-KN95").id();

        summaryContention(system, allDepots, items, depot, item);

        // every receipt is a lot, and every lot a balance row
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < BALANCE_ROWS; i += 4) {
                    Depot d = allDepots.get(i % allDepots.size());
                    Item it = items.get((i / allDepots.size()) % items.size());
                    ledger.receive(system, new NewReceipt(d.id(), it.id(), 100L, LotOrigin.OPENING_BALANCE,
                            "BENCH-" + i, LocalDate.now().plusYears(2), null), null);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long rows = sum("SELECT COUNT(*) FROM tp_inv_balance");
        report.line(String.format("Reporting over REST, %,d balance rows (%,d receipts through the service in %.0f s), "
                + "%,d ledger rows; mean of %d requests after a warm-up, one client", rows, BALANCE_ROWS,
                (System.nanoTime() - t0) / 1e9, sum("SELECT COUNT(*) FROM tp_inv_movement"), REQUESTS));
        report.line("");
        report.line("| request | ms | × single balance lookup |");
        report.line("| --- | --- | --- |");
        String lookup = "/inventory/balances?depot=" + depot + "&item=" + item;
        // the daily report reads the ledger to the cut-off: timed once through the service (over REST it can pass
        // the client's 30 s limit), the others over REST
        String[] paths = {lookup, "/inventory/national", "/reports/stock", "/reports/cover", "/reports/transit",
            "/reports/shortages", "/reports/batches"};
        double[] ms = new double[paths.length];
        // rounds alternate the requests so that every one sees the same machine
        for (int round = 0; round < ROUNDS; round++) {
            for (int p = 0; p < paths.length; p++) {
                String path = paths[p];
                ms[p] += millis(() -> admin.get(path).status()) / ROUNDS;
            }
        }
        for (int p = 0; p < paths.length; p++) {
            report.line(String.format("| `GET %s` | %.1f | %.0f× |", paths[p], ms[p], ms[p] / ms[0]));
        }
        Caller admin2 = Caller.of("admin", java.util.Set.of("ministry-admin"), "bench");
        for (String what : new String[] {"stock", "daily"}) {
            long s0 = System.nanoTime();
            Object r = what.equals("stock") ? reports.stock(admin2) : reports.daily(admin2, null);
            report.line(String.format("| `Reports.%s` through the OSGi service, once | %.1f | %.0f× |", what,
                    (System.nanoTime() - s0) / 1e6, (System.nanoTime() - s0) / 1e6 / ms[0]));
            assertEquals(true, r != null);
        }
        report.write("bench.reportingOut", "reporting-bench.md");
    }

    /**
     * Whether the province × item summary row serialises writers: concurrent receipts that all add to one summary
     * row (one depot, one item) against as many receipts whose threads each add to their own row (a depot in another
     * province, another item), alternating rounds in the same run. Both write the same rows otherwise (a lot, its
     * balance, posting, movement, audit row), so the ratio is the price of the shared row.
     */
    private void summaryContention(Caller system, List<Depot> allDepots, List<Item> items, long depot, long item)
            throws Exception {
        List<Long> laneDepots = new ArrayList<>();
        java.util.Set<String> provinces = new java.util.HashSet<>();
        for (Depot d : allDepots) {
            if (d.provinceCode() != null && provinces.add(d.provinceCode()) && laneDepots.size() < THREADS) {
                laneDepots.add(d.id());
            }
        }
        java.util.concurrent.atomic.AtomicInteger lanes = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<Integer> lane = ThreadLocal.withInitial(lanes::getAndIncrement);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        Runnable hot = () -> ledger.receive(system, new NewReceipt(depot, item, 10L, LotOrigin.OPENING_BALANCE,
                "HOT-" + n.incrementAndGet(), LocalDate.now().plusYears(2), null), null);
        Runnable spread = () -> {
            int l = lane.get() % laneDepots.size();
            ledger.receive(system, new NewReceipt(laneDepots.get(l), items.get(l).id(), 10L, LotOrigin.OPENING_BALANCE,
                    "SPREAD-" + n.incrementAndGet(), LocalDate.now().plusYears(2), null), null);
        };
        double[] rates = Load.interleaved(THREADS, CONTENTION_RECEIPTS, CONTENTION_RECEIPTS / 5, hot, spread);
        report.line(String.format("Receipts/s through the service, %d threads, 5 alternating rounds: all on one "
                + "province × item summary row %,.0f; each thread on its own row %,.0f; ratio %.2f", THREADS, rates[0],
                rates[1], rates[0] / rates[1]));
        report.line("");
    }

    private static double millis(Supplier<Integer> call) {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, (int) call.get());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            assertEquals(200, (int) call.get());
        }
        return (System.nanoTime() - t0) / 1e6 / REQUESTS;
    }
}
