package org.tongpao.itests.bench;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tongpao.core.Caller;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.itests.Api;
import org.tongpao.itests.Poll;

/**
 * Inventory throughput and read figures, each beside the raw baseline measured in the same run on the
 * same Derby: {@code mvn -B verify -Pbench -pl itests} (after an install of the reactor). Not a test:
 * it asserts only that the work succeeded; the figures go to the output and to
 * {@code itests/target/bench-results.md}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InventoryBench extends CentralBench {

    private static final int ROWS = Integer.getInteger("bench.rows", 5_000);
    private static final long LEDGER_ROWS = Long.getLong("bench.ledgerRows", 10_000_000L);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "8"));
    private static final int WARM_UP = 10_000;

    @Inject
    BundleContext context;

    @Override
    protected String[] knobs() {
        return new String[] {"bench.rows", "bench.ledgerRows", "bench.clients", "bench.seconds", "bench.out"};
    }

    @Test
    public void measure() throws Exception {
        Caller system = Caller.system("bench");
        Api admin = api().as("admin");
        long depot = depots.getByCode(system, "HB-PROV-01").id();
        long item = catalogue.getByCode(system, "MASK-KN95").id();
        long unit = units.getByCode(system, "P42-WUHAN").id();
        ledger.receive(system, new NewReceipt(depot, item, 1_000_000_000L, LotOrigin.OPENING_BALANCE, "BENCH-OPENING",
                LocalDate.now().plusYears(2), null), null);
        report.line("| what | figure | baseline | ratio | target |");
        report.line("| --- | --- | --- | --- | --- |");

        // writes: one movement per transaction, in rounds alternating with the raw baseline so that both
        // see the same disk (its fsync time swings between runs by a factor of two)
        createRawTable();
        Runnable rawInsert = this::rawInsert;
        Runnable serviceIssue = () -> ledger.issue(system, new NewIssue(depot, item, 1L, unit, null, "BENCH", null),
                null);
        for (int threads : new int[] {1, CLIENTS}) {
            double[] rates = interleaved(threads, ROWS, rawInsert, serviceIssue);
            row("movements/s through the OSGi service (" + threads + " thread" + (threads == 1 ? "" : "s") + ")",
                    rates[1], "raw JDBC inserts/s (same threads, alternating rounds)", rates[0], 0.5);
        }
        // what the platform adds over the database work a movement needs: the same rows written raw
        long lot = lotOf(depot, item);
        double[] same = interleaved(1, ROWS, () -> rawMovement(depot, item, lot, unit), serviceIssue);
        row("movements/s through the OSGi service (1 thread), beside the same rows written raw", same[1],
                "raw JDBC movements/s (posting, movement, balance, audit in one transaction)", same[0], 0.5);
        String issue = "{\"depotId\":" + depot + ",\"itemId\":" + item + ",\"quantity\":1,\"orgUnitId\":" + unit
                + ",\"sourceDocument\":\"BENCH\"}";
        if (ExternalLoad.available()) {
            String url = "http://127.0.0.1:" + Integer.getInteger("tongpao.http.port") + "/api/v1/inventory/issues";
            int perRound = (int) (SECONDS * 100);
            for (int clients : new int[] {1, CLIENTS}) {
                ExternalLoad.post(url, "admin:demo", issue, clients, 2 * perRound); // warm-up: the JIT, the pool
                long rawNanos = 0;
                double restSeconds = 0;
                int rounds = 3;
                int perThread = Math.max(1, perRound / clients);
                for (int r = 0; r < rounds; r++) {
                    rawNanos += timed(clients, perThread, rawInsert);
                    restSeconds += perRound / ExternalLoad.post(url, "admin:demo", issue, clients, perRound);
                }
                row("movements/s through REST (" + clients + " client" + (clients == 1 ? "" : "s") + ", ab outside the JVM)",
                        rounds * perRound / restSeconds, "raw JDBC inserts/s (as many threads, alternating rounds)",
                        rounds * (double) clients * perThread / (rawNanos / 1e9), 0.3);
            }
        } else {
            double raw = interleaved(CLIENTS, ROWS, rawInsert, rawInsert)[0];
            Load.Result rest = Load.run(CLIENTS, SECONDS,
                    () -> admin.send("POST", "/inventory/issues", issue, "application/json").status(), 201);
            row("movements/s through REST (" + CLIENTS + " clients in the container's JVM; install ab for a client "
                    + "outside it, the one this understates about fourfold)", rest.perSecond(),
                    "raw JDBC inserts/s (as many threads)", raw, 0.3);
        }

        // reads: a balance and a report against the smallest authenticated endpoint on the same server
        ServiceRegistration<HelloResource> hello = context.registerService(HelloResource.class, new HelloResource(),
                new Hashtable<>(Map.of("osgi.jaxrs.resource", "true")));
        try {
            Poll.status("the hello-world resource", 200, () -> admin.get("/bench/hello"));
            Load.Result helloRate = Load.run(CLIENTS, SECONDS, () -> admin.get("/bench/hello").status(), 200);
            if (ExternalLoad.available()) {
                // the REST layer's own ceiling: no write can be answered faster than this
                String helloUrl = "http://127.0.0.1:" + Integer.getInteger("tongpao.http.port") + "/api/v1/bench/hello";
                ExternalLoad.get(helloUrl, "admin:demo", CLIENTS, (int) (SECONDS * 200));
                report.line(String.format("| hello-world GETs/s (%d clients, ab outside the JVM): the REST ceiling | %,.0f | | | |",
                        CLIENTS, ExternalLoad.get(helloUrl, "admin:demo", CLIENTS, (int) (SECONDS * 500))));
            }
            Load.Result balance = Load.run(CLIENTS, SECONDS,
                    () -> admin.get("/inventory/balances?depot=" + depot + "&item=" + item).status(), 200);
            row("balance reads/s (" + CLIENTS + " clients)", balance.perSecond(), "hello-world reads/s", helloRate.perSecond(),
                    0.5);
            Load.Result national = Load.run(CLIENTS, SECONDS,
                    () -> admin.get("/inventory/national").status(), 200);
            row("national stock report reads/s (" + CLIENTS + " clients)", national.perSecond(), "hello-world reads/s",
                    helloRate.perSecond(), 0.5);
        } finally {
            hello.unregister();
        }

        // the national report must not grow with the ledger
        double before = reportMillis(admin);
        long added = padLedger(LEDGER_ROWS);
        double after = reportMillis(admin);
        report.line(String.format("| national stock by province × category, ms (ledger + %,d rows) | %.1f | %.1f (before) | %.2f | ≈ 1 |",
                added, after, before, after / before));
        report.write(BenchReport.out());
    }

    // ---------------------------------------------------------------- measurements

    private void createRawTable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_raw (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                    + "depot_id BIGINT NOT NULL, item_id BIGINT NOT NULL, quantity BIGINT NOT NULL, at_time TIMESTAMP NOT NULL)");
        }
    }

    /** The write baseline: one row, one transaction, on a connection from the same pool. */
    private void rawInsert() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO bench_raw (depot_id, item_id, quantity, at_time) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            ps.setLong(1, 1);
            ps.setLong(2, 2);
            ps.setLong(3, 1);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long lotOf(long depot, long item) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(lot_id) FROM tp_inv_balance WHERE depot_id = ? AND item_id = ?")) {
            ps.setLong(1, depot);
            ps.setLong(2, item);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows an issue writes, written by hand in one transaction: posting, movement, guarded balance update
     * and audit row (no validation, scope, FEFO pick or depot lock).
     */
    private void rawMovement(long depot, long item, long lot, long unit) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long posting;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_inv_posting (operation, depot_id, actor, "
                    + "request_id, occurred_at) VALUES ('issue', ?, 'bench', 'bench', ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, depot);
                ps.setTimestamp(2, now);
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    posting = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_inv_movement (posting_id, movement_type, "
                    + "depot_id, item_id, lot_id, quantity, org_unit_id, source_document, actor, request_id, occurred_at) "
                    + "VALUES (?, 'ISSUE', ?, ?, ?, -1, ?, 'BENCH', 'bench', 'bench', ?)")) {
                ps.setLong(1, posting);
                ps.setLong(2, depot);
                ps.setLong(3, item);
                ps.setLong(4, lot);
                ps.setLong(5, unit);
                ps.setTimestamp(6, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE tp_inv_balance SET on_hand = on_hand - 1 "
                    + "WHERE lot_id = ? AND on_hand - reserved >= 1")) {
                ps.setLong(1, lot);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_audit (occurred_at, actor, actor_role, node_id, "
                    + "request_id, entity, entity_id, action, before_json, after_json) "
                    + "VALUES (?, 'bench', 'ministry-admin', 'central', 'bench', 'posting', ?, 'ISSUE', NULL, ?)")) {
                ps.setTimestamp(1, now);
                ps.setString(2, Long.toString(posting));
                ps.setString(3, "{\"depotId\":" + depot + ",\"itemId\":" + item + ",\"quantity\":1}");
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per second rates of {@code a} and {@code b}, each run {@code n} times on {@code threads} threads in
     * five alternating rounds after a warm-up of both.
     */
    private static double[] interleaved(int threads, int n, Runnable a, Runnable b) throws Exception {
        return Load.interleaved(threads, n, WARM_UP, a, b);
    }

    private static long timed(int threads, int perThread, Runnable work) throws Exception {
        return Load.timed(threads, perThread, work);
    }

    private static double reportMillis(Api admin) {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, admin.get("/inventory/national").status());
        }
        int n = 100;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertEquals(200, admin.get("/inventory/national").status());
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    /** History, not stock: rows appended to the ledger directly (the report must read balances, not these). */
    private long padLedger(long rows) throws SQLException {
        long posting;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT MIN(id) FROM tp_inv_posting")) {
            rs.next();
            posting = rs.getLong(1);
        }
        long lot;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT MIN(lot_id) FROM tp_inv_balance")) {
            rs.next();
            lot = rs.getLong(1);
        }
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO tp_inv_movement (posting_id, movement_type, "
                     + "depot_id, item_id, lot_id, quantity, actor, request_id, occurred_at) "
                     + "VALUES (?, 'RECEIPT', 999999, 999999, ?, 0, 'bench', 'bench', ?)")) {
            c.setAutoCommit(false);
            Timestamp at = Timestamp.from(Instant.now());
            for (long i = 1; i <= rows; i++) {
                ps.setLong(1, posting);
                ps.setLong(2, lot);
                ps.setTimestamp(3, at);
                ps.addBatch();
                if (i % 10_000 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        report.line(String.format("| (padding the ledger with %,d rows took %.0f s) | | | | |", rows,
                (System.nanoTime() - t0) / 1e9));
        return rows;
    }

    // ---------------------------------------------------------------- output

    private void row(String what, double figure, String baselineName, double baseline, double target) {
        double ratio = figure / baseline;
        report.line(String.format("| %s | %,.0f | %,.0f %s | %.0f %% | ≥ %.0f %% %s |", what, figure, baseline, baselineName,
                ratio * 100, target * 100, ratio >= target ? "met" : "NOT met"));
    }
}
