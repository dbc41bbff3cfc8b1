package org.tongpao.itests.bench;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.StockLedger;
import org.tongpao.itests.TongpaoContainer;

/**
 * Stock issues through REST against the same issues through the {@link StockLedger} service, in one container
 * and one run, at the same concurrency (issue 10: REST writes at ≥ 75 % of the service's rate). The service is
 * called by {@code bench.clients} threads inside the container as the same user REST authenticates
 * ({@code admin}, ministry-admin); REST is loaded by {@code wrk} outside the JVM over as many keep-alive
 * connections, with {@code bench/issues.lua} sending distinct valid bodies. Each round measures, back to back:
 * the service and REST without an {@code Idempotency-Key}, both again with a distinct key per issue, and the
 * in-memory authenticated GET {@code /provinces/42} (the HTTP stack's own rate) at the same concurrency and
 * with {@code wrk -t2 -c16}. Run: {@code mvn -B verify -Pbench -pl itests -Dit.test=RestWritesBench}
 * (needs {@code wrk}); knobs {@code -Dbench.clients} (4), {@code -Dbench.seconds} (10 per measurement),
 * {@code -Dbench.rounds} (3), {@code -Dbench.restWarmUps} (4 REST and GET runs before measuring). Output:
 * {@code [bench]} lines and {@code itests/target/rest-writes.md}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestWritesBench {

    private static final int HTTP_PORT = TongpaoContainer.freePort();
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String CREDENTIALS = "admin:demo";
    private static final int WARM_UP_RUNS = Integer.getInteger("bench.restWarmUps", 4);

    @Inject
    BundleContext context;

    @Inject
    StockLedger ledger;

    private final BenchReport report = new BenchReport();
    private final AtomicLong serviceCalls = new AtomicLong();

    @Configuration
    public Option[] config() {
        return BenchOptions.central(HTTP_PORT, "bench.clients", "bench.seconds", "bench.rounds", "bench.restWarmUps",
                "bench.wrkScript", "bench.restOut");
    }

    @Test
    public void measure() throws Exception {
        String script = System.getProperty("bench.wrkScript");
        assertTrue("wrk must be installed and -Dbench.wrkScript name bench/issues.lua",
                ExternalLoad.wrkAvailable() && script != null && Files.isReadable(Paths.get(script)));
        BenchStock stock = BenchStock.received(context, ledger, 1_000_000_000L);
        long depot = stock.depot();
        long item = stock.item();
        long unit = stock.unit();

        // the caller REST builds for admin:demo (ministry-admin), so both paths do the same scope checks and audit
        Caller admin = Caller.of("admin", Set.of(Roles.MINISTRY_ADMIN), "bench");
        String base = "http://127.0.0.1:" + Integer.getInteger("tongpao.http.port") + "/api/v1";
        Map<String, String> ids = Map.of("TP_DEPOT", Long.toString(depot), "TP_ITEM", Long.toString(item),
                "TP_UNIT", Long.toString(unit));
        Measure service = keyed -> {
            long cpu0 = jvmCpuMicros();
            Load.Result r = Load.run(CLIENTS, SECONDS, () -> {
                long n = serviceCalls.incrementAndGet();
                ledger.issue(admin, new NewIssue(depot, item, 1L, unit, null, "BENCH-SVC-" + n, null),
                        keyed ? "bench-svc-" + n : null);
                return 201;
            }, 201);
            return new Rate(r.perSecond(), (jvmCpuMicros() - cpu0) / (double) r.ok(), 0, "");
        };
        Measure rest = keyed -> wrk(base + "/inventory/issues", script, env(ids, keyed), CLIENTS, 201);

        // warm-up: the JIT, the pool, the login cache. REST runs several times longer: at a few hundred requests a
        // second, one measurement's worth leaves CXF's and Jackson's paths interpreted (a first run measured 5.7 ms
        // of CPU per REST issue, the third 1.9 ms)
        service.rate(false);
        service.rate(true);
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            rest.rate(i % 2 == 1);
            wrk(base + "/provinces/42", null, Map.of(), CLIENTS, 200);
        }

        line(String.format("%d clients, %.0f s per measurement, %d rounds; issues/s and GETs/s, then µs of CPU per "
                + "request: the node's JVM (all its threads) + wrk's", CLIENTS, SECONDS, ROUNDS));
        line("| round | load average | service | REST | REST / service | service, keyed | REST, keyed | ratio keyed "
                + "| GET /provinces/42 (" + CLIENTS + " conn.) | GET (wrk -t2 -c16) |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        List<String> cpuLines = new ArrayList<>();
        double[] plain = new double[ROUNDS];
        double[] keyed = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            String load = loadAverage();
            Rate s = service.rate(false);
            Rate h = rest.rate(false);
            Rate sk = service.rate(true);
            Rate hk = rest.rate(true);
            Rate get = wrk(base + "/provinces/42", null, Map.of(), CLIENTS, 200);
            Rate get16 = wrk(base + "/provinces/42", null, Map.of(), 16, 200);
            plain[r] = h.perSecond() / s.perSecond();
            keyed[r] = hk.perSecond() / sk.perSecond();
            line(String.format("| %d | %s | %,.0f | %,.0f | %.0f %% | %,.0f | %,.0f | %.0f %% | %,.0f | %,.0f |", r + 1,
                    load, s.perSecond(), h.perSecond(), 100 * plain[r], sk.perSecond(), hk.perSecond(), 100 * keyed[r],
                    get.perSecond(), get16.perSecond()));
            cpuLines.add(String.format("| %d | %.0f | %s | %.0f | %s | %s | %s |", r + 1, s.jvmMicros(), h.cpu(),
                    sk.jvmMicros(), hk.cpu(), get.cpu(), get16.cpu()));
        }
        line(String.format("REST / service, median of %d rounds (min–max): without keys %.0f %% (%.0f–%.0f %%), "
                + "with keys %.0f %% (%.0f–%.0f %%); target ≥ 75 %%", ROUNDS, 100 * median(plain), 100 * min(plain),
                100 * max(plain), 100 * median(keyed), 100 * min(keyed), 100 * max(keyed)));
        line("");
        line("| round | µs CPU per issue, service | REST: JVM + wrk (slowest answer) | service, keyed | REST, keyed "
                + "| GET (" + CLIENTS + " conn.) | GET (wrk -t2 -c16) |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        cpuLines.forEach(this::line);
        report.write("bench.restOut", "rest-writes.md");
    }

    /** One wrk run as a {@link Rate}: its rate, the node's CPU and wrk's own CPU per request. */
    private static Rate wrk(String url, String script, Map<String, String> env, int connections, int status)
            throws IOException, InterruptedException {
        long cpu0 = jvmCpuMicros();
        ExternalLoad.Wrk w = ExternalLoad.wrk(url, CREDENTIALS, script, env, connections, SECONDS, status);
        return new Rate(w.perSecond(), (jvmCpuMicros() - cpu0) / (double) w.requests(), w.clientMicrosPerRequest(),
                w.maxLatency());
    }

    /** CPU time of this JVM, every thread (user + system, from /proc; 10 ms ticks), in microseconds. */
    private static long jvmCpuMicros() throws IOException {
        String stat = Files.readString(Paths.get("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000L; // utime, stime at USER_HZ 100
    }

    private static Map<String, String> env(Map<String, String> ids, boolean keyed) {
        Map<String, String> env = new java.util.HashMap<>(ids);
        env.put("TP_KEYS", keyed ? "1" : "0");
        env.put("TP_RUN", Long.toString(System.nanoTime())); // keys stay distinct between measurements
        return env;
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Paths.get("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private void line(String s) {
        report.line(s);
    }

    /** Issues per second with or without a distinct Idempotency-Key per issue. */
    @FunctionalInterface
    private interface Measure {
        Rate rate(boolean keyed) throws Exception;
    }

    /** A measurement: requests per second, µs of the node's and the client's CPU per request, slowest answer. */
    private record Rate(double perSecond, double jvmMicros, double clientMicros, String slowest) {
        String cpu() {
            return String.format("%.0f + %.0f (%s)", jvmMicros, clientMicros, slowest);
        }
    }
}
