package org.tongpao.federation.inventory.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.tongpao.core.NewDepot;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.federation.inventory.internal.stock.RecordingFederation;
import org.tongpao.inventory.internal.InventorySchema;

/**
 * The target: a provincial node of 500,000 records (250,000 lots and their 250,000 balances in 50 depots)
 * rebuilt from central in at most 2 minutes. Runs only under {@code mvn -B verify -Pbench}. Two embedded Derby
 * databases on disk (central, province), central's stream served over real HTTP on 127.0.0.1 by the JDK's server
 * calling {@link RebuildSource} and writing JSON with Jackson (no CXF, Jetty or login: those are the same per page
 * as any GET), the province pulling with {@link HttpPageSource} and applying with {@link RebuildRunner}. In the same
 * run: the pull alone (HTTP + JSON, nothing applied) and the baseline, the same rows (lots, balances, postings,
 * opening movements, origin keys of lots another node created) inserted into a third, empty database by raw batched JDBC, 5,000 rows per commit.
 * Knobs: {@code -Dbench.lots} (250000), {@code -Dbench.pageSize} (5000).
 */
class RebuildBench implements TestCallers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOTS = Integer.getInteger("bench.lots", 250_000);
    private static final int PAGE = Integer.getInteger("bench.pageSize", 5_000);
    private static final int DEPOTS = 50;
    private static final Path DIR = Paths.get("target", "rebuild-bench");

    @Test
    void rebuildAProvinceOfHalfAMillionRecords() throws Exception {
        deleteTree(DIR);
        DataSource central = disk("central");
        TestCore centralCore = migrated(central, "central", true);
        long t0 = System.nanoTime();
        long onHand = seed(central, centralCore);
        double seedSeconds = seconds(t0);
        RebuildSource source = new RebuildSource(central, centralCore.node, centralCore.provinces,
                new MasterDataSource(centralCore.units, centralCore.catalogue, centralCore.depots, sequences(central)),
                new TransferSource(inventory(central, centralCore)), new RebuildContributions(), p -> new CatchUp(p,
                java.util.Optional.empty(), java.util.OptionalLong.of(0)));
        HttpServer server = serve(source);
        String api = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
        try {
            long t1 = System.nanoTime();
            double c1 = cpu();
            long[] pulled = pullOnly(new HttpPageSource(api, "42", "node-42", "bench"));
            double pullSeconds = seconds(t1);
            double pullCpu = cpu() - c1;

            DataSource province = disk("province");
            TestCore provinceCore = migrated(province, "province:42", false);
            Rebuilder rebuilder = new Rebuilder(province, provinceCore.node, new MasterDataApplier(provinceCore.units,
                    provinceCore.catalogue, provinceCore.depots, sequences(province)), new TransferApplier(inventory(province, provinceCore)),
                    new RebuildContributions(), new ReservedResets(new RecordingFederation("province:42"), Rebuilder.ACTOR),
                    provinceCore.audit, Configs.of(Rebuilder.Config.class,
                    Map.of("centralApi", api, "pageSize", PAGE)), Clock.systemUTC());
            long t2 = System.nanoTime();
            double c2 = cpu();
            RebuildRun run = rebuilder.runHere(ADMIN, new HttpPageSource(api, "42", "node-42", "bench"), r -> { });
            double rebuildSeconds = seconds(t2);
            double rebuildCpu = cpu() - c2;
            assertThat(run.state()).isEqualTo(RebuildRun.DONE);
            assertThat(count(province, "SELECT COUNT(*) FROM tp_inv_balance")).isEqualTo(LOTS);
            assertThat(count(province, "SELECT SUM(on_hand) FROM tp_inv_balance")).isEqualTo(onHand);

            List<List<Object>> rows = Transactions.read(central, RebuildBench::centralRows);
            DataSource baseline = disk("baseline");
            TestCore baselineCore = migrated(baseline, "province:42", true);
            addDepots(baselineCore);
            Map<String, Long> depots = codes(baseline, "SELECT code, id FROM tp_core_v1_depot");
            Map<String, Long> items = codes(baseline, "SELECT code, id FROM tp_core_v1_item");
            long t3 = System.nanoTime();
            double c3 = cpu();
            rawInserts(baseline, rows, depots, items);
            double rawSeconds = seconds(t3);
            double rawCpu = cpu() - c3;
            assertThat(count(baseline, "SELECT SUM(on_hand) FROM tp_inv_balance")).isEqualTo(onHand);

            report(seedSeconds, pulled, new double[] {pullSeconds, pullCpu}, run, new double[] {rebuildSeconds, rebuildCpu},
                    new double[] {rawSeconds, rawCpu});
            assertThat(rebuildSeconds).as("the issue's target: 500,000 records in at most 2 minutes")
                    .isLessThanOrEqualTo(120);
        } finally {
            server.stop(0);
        }
    }

    private static void report(double seed, long[] pulled, double[] pull, RebuildRun run, double[] rebuild,
            double[] raw) throws IOException {
        long records = 2L * LOTS;
        String text = String.format("| what | wall time | CPU time (process) |%n| --- | --- | --- |%n"
                + "| records (lots + balances) | %,d (%,d lots in %d depots; pages of %,d) | |%n"
                + "| seeding central, batched JDBC | %.1f s | |%n"
                + "| pull only: %,d pages, %,d MB of JSON over HTTP, parsed | %.1f s | %.1f s |%n"
                + "| **rebuild end to end** (pull + apply: lots, balances, origin keys, postings, opening movements,"
                + " cursor) | **%.1f s** (%,.0f records/s; %d pages) — target ≤ 120 s: %s | %.1f s |%n"
                + "| baseline: the same rows by raw batched JDBC into an empty database | %.1f s (%,.0f records/s) | %.1f s |%n"
                + "| rebuild / baseline | %.2f× | %.2f× |%n",
                records, LOTS, DEPOTS, PAGE, seed, pulled[0], pulled[1] / 1_000_000, pull[0], pull[1], rebuild[0],
                records / rebuild[0], run.pages(), rebuild[0] <= 120 ? "met" : "NOT met", rebuild[1], raw[0],
                records / raw[0], raw[1], rebuild[0] / raw[0], rebuild[1] / raw[1]);
        System.out.println("[bench] Federation: rebuilding a province\n" + text);
        Files.writeString(Paths.get("target", "rebuild-bench.md"), text);
    }

    /** Central's state for Hubei: 50 depots, 250,000 lots with balances, as batched JDBC writes it. */
    private static long seed(DataSource ds, TestCore core) {
        addDepots(core);
        List<Long> depots = ids(ds, "SELECT id FROM tp_core_v1_depot WHERE province_code = '42'");
        List<Long> items = ids(ds, "SELECT id FROM tp_core_v1_item");
        Random random = new Random(42);
        long onHand = 0;
        Instant created = Instant.parse("2026-02-01T08:00:00Z");
        for (int from = 1; from <= LOTS; from += 5_000) {
            List<List<?>> lots = new ArrayList<>();
            List<List<?>> balances = new ArrayList<>();
            List<List<?>> replicas = new ArrayList<>();
            for (int id = from; id < from + 5_000 && id <= LOTS; id++) {
                long depot = depots.get(random.nextInt(depots.size()));
                long item = items.get(random.nextInt(items.size()));
                long qty = 100 + random.nextInt(10_000);
                long left = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt((int) qty);
                onHand += left;
                lots.add(Jdbc.args((long) id, item, depot, "PURCHASE_ORDER", "PO-2026-" + (100_000 + id / 7),
                        LocalDate.of(2027, 1, 1).plusDays(random.nextInt(1_500)), LocalDate.of(2026, 1, 1)
                        .plusDays(random.nextInt(60)), "AVAILABLE", qty, created));
                balances.add(Jdbc.args((long) id, depot, item, left));
                // Hubei created the lot; central holds it as a replica (what stock.posting messages leave)
                replicas.add(Jdbc.args((long) id, (long) id));
            }
            Transactions.write(ds, "seed", c -> {
                Jdbc.batch(c, "INSERT INTO tp_inv_lot (id, item_id, depot_id, origin, source_document, expiry_date,"
                        + " received_on, lot_status, received_quantity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lots);
                Jdbc.batch(c, "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved)"
                        + " VALUES (?, ?, ?, ?, 0)", balances);
                Jdbc.batch(c, "INSERT INTO tp_inv_replica_lot (origin_node, remote_lot_id, lot_id)"
                        + " VALUES ('province:42', ?, ?)", replicas);
                return null;
            });
        }
        return onHand;
    }

    private static void addDepots(TestCore core) {
        long hubei = count(core.ds, "SELECT id FROM tp_core_v1_org_unit WHERE unit_level = 'PROVINCE' AND province_code = '42'");
        for (int i = 1; i <= DEPOTS - 2; i++) {
            core.depots.create(ADMIN, new NewDepot(String.format("HB-BENCH-%02d", i), "Hubei bench depot " + i, hubei,
                    "Wuhan"), null);
        }
    }

    private static HttpServer serve(RebuildSource source) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/federation/rebuild/42", exchange -> {
            try (exchange) {
                Map<String, String> q = query(exchange);
                RebuildPage page = source.page(RebuildFixture.HUBEI_NODE, "42", q.get("after"), q.get("limit"));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    JSON.writeValue(out, page);
                }
            }
        });
        server.start();
        return server;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /** Every page over HTTP, parsed and dropped: pages and bytes (as re-serialised). */
    private static long[] pullOnly(PageSource source) throws IOException {
        long pages = 0;
        long bytes = 0;
        String after = null;
        do {
            JsonNode page = source.page(after, PAGE);
            bytes += page.toString().length();
            pages++;
            after = page.path("nextCursor").asText(null);
        } while (after != null);
        return new long[] {pages, bytes};
    }

    private static List<List<Object>> centralRows(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT l.id, d.code, i.code, l.origin, l.source_document, l.expiry_date, l.received_on,"
                + " l.lot_status, l.received_quantity, l.created_at, b.on_hand, r.origin_node FROM tp_inv_lot l"
                + " JOIN tp_inv_balance b ON b.lot_id = l.id JOIN tp_core_v1_depot d ON d.id = l.depot_id"
                + " JOIN tp_core_v1_item i ON i.id = l.item_id LEFT JOIN tp_inv_replica_lot r ON r.lot_id = l.id"
                + " ORDER BY l.id", List.of(), rs -> Jdbc.args(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), Jdbc.localDate(rs, "expiry_date"),
                Jdbc.localDate(rs, "received_on"), rs.getString(8), rs.getLong(9),
                org.tongpao.core.persistence.Sql.getInstant(rs, 10), rs.getLong(11), rs.getString(12)));
    }

    /** The baseline: what the rebuild writes, with nothing around it (no HTTP, JSON, code look-ups or cursor). */
    private static void rawInserts(DataSource ds, List<List<Object>> rows, Map<String, Long> depots,
            Map<String, Long> items) {
        Instant now = Instant.now();
        for (int from = 0; from < rows.size(); from += 5_000) {
            List<List<Object>> chunk = rows.subList(from, Math.min(from + 5_000, rows.size()));
            Transactions.write(ds, "raw", c -> {
                List<List<?>> lots = new ArrayList<>();
                List<List<?>> balances = new ArrayList<>();
                List<List<?>> origins = new ArrayList<>();
                Map<Long, List<List<Object>>> byDepot = new HashMap<>();
                for (List<Object> r : chunk) {
                    long depot = depots.get((String) r.get(1));
                    long item = items.get((String) r.get(2));
                    lots.add(Jdbc.args(r.get(0), item, depot, r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8),
                            r.get(9)));
                    balances.add(Jdbc.args(r.get(0), depot, item, r.get(10)));
                    if (r.get(11) == null) {
                        origins.add(Jdbc.args(r.get(0), "central", r.get(0)));
                    }
                    if ((Long) r.get(10) != 0) {
                        byDepot.computeIfAbsent(depot, d -> new ArrayList<>()).add(Jdbc.args(item, r.get(0), r.get(10)));
                    }
                }
                Jdbc.batch(c, "INSERT INTO tp_inv_lot (id, item_id, depot_id, origin, source_document, expiry_date,"
                        + " received_on, lot_status, received_quantity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lots);
                Jdbc.batch(c, "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved)"
                        + " VALUES (?, ?, ?, ?, 0)", balances);
                Jdbc.batch(c, "INSERT INTO tp_fedinv_lot_origin (lot_id, origin_node, origin_lot_id) VALUES (?, ?, ?)",
                        origins);
                List<List<?>> movements = new ArrayList<>();
                for (Map.Entry<Long, List<List<Object>>> d : byDepot.entrySet()) {
                    long posting = Jdbc.insert(c, "INSERT INTO tp_inv_posting (operation, depot_id, actor, request_id,"
                            + " occurred_at) VALUES ('REBUILD', ?, 'raw', 'raw', ?)", Jdbc.args(d.getKey(), now));
                    for (List<Object> m : d.getValue()) {
                        movements.add(Jdbc.args(posting, d.getKey(), m.get(0), m.get(1), m.get(2), now));
                    }
                }
                Jdbc.batch(c, "INSERT INTO tp_inv_movement (posting_id, movement_type, depot_id, item_id, lot_id,"
                        + " quantity, reason, source_document, actor, request_id, occurred_at) VALUES (?, 'ADJUSTMENT',"
                        + " ?, ?, ?, ?, 'COUNT', 'rebuild', 'raw', 'raw', ?)", movements);
                return null;
            });
        }
    }

    private static DataSource disk(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(DIR.resolve(name).toAbsolutePath().toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    private static TestCore migrated(DataSource ds, String node, boolean demo) {
        TestCore core = new TestCore(ds, TestCore.node(node, demo));
        Migrations.migrate(ds, InventorySchema.class, InventorySchema.MIGRATIONS, InventorySchema.HISTORY_TABLE);
        Migrations.migrate(ds, RebuildSchema.class, RebuildSchema.MIGRATIONS, RebuildSchema.HISTORY_TABLE);
        return core;
    }

    /** Federation's snapshot sequences on a node's database (its schema migrated for them). */
    private static org.tongpao.federation.SnapshotSequences sequences(DataSource ds) {
        Migrations.migrate(ds, org.tongpao.federation.internal.FederationSchema.class,
                org.tongpao.federation.internal.FederationSchema.MIGRATIONS,
                org.tongpao.federation.internal.FederationSchema.HISTORY_TABLE);
        return new org.tongpao.federation.internal.master.MasterDataSequences(org.tongpao.core.persistence.SchemaReady.of(
                org.tongpao.federation.internal.FederationSchema.NAME, ds));
    }

    /** The inventory on a node's database, as DS would build it (the transfers section reads and writes through it). */
    private static org.tongpao.inventory.internal.InventoryComponent inventory(DataSource ds, TestCore core) {
        return new org.tongpao.inventory.internal.InventoryComponent(Configs.of(
                org.tongpao.inventory.internal.InventoryComponent.Config.class, Map.of("shortDatedDays", 90,
                        "shortDatedScanHours", 0)), TestCore.migrate(ds, InventorySchema.NAME, InventorySchema.class,
                        InventorySchema.MIGRATIONS, InventorySchema.HISTORY_TABLE), core.audit, core.keys, core.outbox,
                core.provinces);
    }

    private static Map<String, Long> codes(DataSource ds, String sql) {
        Map<String, Long> codes = new HashMap<>();
        Transactions.read(ds, c -> Jdbc.query(c, sql, List.of(), rs -> codes.put(rs.getString(1), rs.getLong(2))));
        return codes;
    }

    private static List<Long> ids(DataSource ds, String sql) {
        return Transactions.read(ds, c -> Jdbc.query(c, sql, List.of(), rs -> rs.getLong(1)));
    }

    private static long count(DataSource ds, String sql) {
        return Transactions.read(ds, c -> Jdbc.count(c, sql, List.of()));
    }

    /** CPU time of this whole process (both nodes and the HTTP server): steadier than wall time on a shared machine. */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
