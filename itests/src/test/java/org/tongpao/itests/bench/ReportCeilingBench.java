package org.tongpao.itests.bench;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tongpao.core.Caller;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.Roles;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.itests.Poll;
import org.tongpao.reporting.Reports;

/**
 * Issue 15's ceiling: {@code /reports/stock} and {@code /reports/cover} against the same two reports computed once
 * and kept ({@link KeptReportResource}: the HTTP stack and Jackson writing the same bodies, no database, no
 * assembly), the in-memory {@code GET /provinces/42} (issue 15's baseline) and {@code /inventory/balances?limit=50}
 * (a database read of comparable size), each under {@code wrk -t2 -c16} outside the JVM, in alternating rounds, with
 * this JVM's CPU time per request. Stock as {@code bench/seed-receipts.sh} makes it: 3 lots of every item in 4
 * depots. Run: {@code mvn -B verify -Pbench -pl itests -Dit.test=ReportCeilingBench} (needs {@code wrk}); knobs
 * {@code -Dbench.seconds} (5 per measurement), {@code -Dbench.rounds} (4). Output: {@code [bench]} lines and
 * {@code itests/target/report-ceiling.md}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportCeilingBench extends CentralBench {
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "5"));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final List<String> PATHS = List.of("/provinces/42", "/bench/kept/stock", "/reports/stock",
            "/bench/kept/cover", "/reports/cover", "/inventory/balances?limit=50");

    @Inject
    BundleContext context;

    @Inject
    Reports reports;

    @Override
    protected String[] knobs() {
        return new String[] {"bench.seconds", "bench.rounds", "bench.ceilingOut"};
    }

    @Test
    public void measure() throws Exception {
        assertTrue("wrk must be installed", ExternalLoad.wrkAvailable());
        seed();
        Caller admin = Caller.of("admin", Set.of(Roles.MINISTRY_ADMIN), "bench");
        ServiceRegistration<KeptReportResource> kept = context.registerService(KeptReportResource.class,
                new KeptReportResource(reports.stock(admin), reports.cover(admin, null)),
                new Hashtable<>(Map.of("osgi.jaxrs.resource", "true")));
        try {
            Poll.status("the kept reports", 200, () -> api().as("admin").get("/bench/kept/stock"));
            String base = "http://127.0.0.1:" + Integer.getInteger("tongpao.http.port") + "/api/v1";
            for (String p : PATHS) { // warm-up
                measure(base + p);
            }
            report.line(String.format("Report ceiling, wrk -t2 -c16, %.0f s each, %d rounds; body bytes: %s", SECONDS,
                    ROUNDS, sizes()));
            report.line("");
            report.line("| round (load) | " + String.join(" | ", PATHS) + " |");
            report.line("| --- |" + " --- |".repeat(PATHS.size()));
            for (int r = 1; r <= ROUNDS; r++) {
                String load = loadAverage();
                double[][] m = new double[PATHS.size()][];
                for (int p = 0; p < PATHS.size(); p++) {
                    m[p] = measure(base + PATHS.get(p));
                }
                StringBuilder row = new StringBuilder("| " + r + " (" + load + ") |");
                for (double[] x : m) {
                    row.append(String.format(" %,.0f/s, %.0f %%; %.3f ms, %.0f %% |", x[0], 100 * x[0] / m[0][0], x[1],
                            100 * m[0][1] / x[1]));
                }
                report.line(row.toString());
            }
            report.line("");
            report.line("Each cell: requests/s, share of /provinces/42's; JVM CPU ms per request, baseline's ÷ this.");
        } finally {
            kept.unregister();
        }
        report.write("bench.ceilingOut", "report-ceiling.md");
    }

    /** 3 lots of every catalogue item in each of the 4 depots {@code bench/seed-receipts.sh} fills. */
    private void seed() {
        Caller system = Caller.system("bench");
        List<Item> items = catalogue.list(system, new ItemFilter(null, null, true), 500, null).items();
        for (String code : List.of("CENTRAL-RESERVE", "HB-PROV-01", "HB-WH-01", "JS-PROV-01")) {
            long d = depot(code);
            for (Item i : items) {
                for (int lot = 1; lot <= 3; lot++) {
                    ledger.receive(system, new NewReceipt(d, i.id(), 100L * lot, LotOrigin.OPENING_BALANCE,
                            "CEILING-" + code + "-" + lot, LocalDate.now().plusYears(2), null), null);
                }
            }
        }
    }

    private static String sizes() {
        StringBuilder s = new StringBuilder();
        for (String p : PATHS) {
            s.append(s.length() == 0 ? "" : ", ").append(p).append(' ')
                    .append(api().as("admin").get(p).body().getBytes(StandardCharsets.UTF_8).length);
        }
        return s.toString();
    }

    /** {requests/s, this JVM's CPU ms per request} of one wrk run. */
    private static double[] measure(String url) throws IOException, InterruptedException {
        long cpu0 = jvmCpuMicros();
        ExternalLoad.Wrk w = ExternalLoad.wrk(url, "admin:demo", null, Map.of(), 16, SECONDS, 200);
        return new double[] {w.perSecond(), (jvmCpuMicros() - cpu0) / 1000d / w.requests()};
    }

    /** CPU time of this JVM (the container's: the bench runs inside it), user + system, in microseconds. */
    private static long jvmCpuMicros() throws IOException {
        String stat = Files.readString(Paths.get("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000L; // utime, stime at USER_HZ 100
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Paths.get("/proc/loadavg")).split(" ")[0];
    }
}
