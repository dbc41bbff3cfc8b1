package org.tongpao.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.tongpao.core.Caller;
import org.tongpao.core.Item;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewItem;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.Roles;
import org.tongpao.itests.Api;
import org.tongpao.itests.CentralNode;
import org.tongpao.inventory.StockLedger;
import org.tongpao.reporting.Reports;

/**
 * Issue 15 at national scale: {@code bench.depots} (5,000) depots over the 31 provinces and {@code bench.items} (500)
 * items made through core's services, then one lot and balance row per depot × item (2.5 million) and
 * {@code bench.ledgerRows} (10 million) ledger rows over the last {@code bench.days} (365) days padded inside Derby
 * ({@link NationalPadding}), the summaries recomputed by the migrations' own statements and checked on samples. Then the
 * national reads against a single balance lookup, in alternating rounds after a warm-up, one client. Run:
 * {@code mvn -B verify -Pbench -pl itests -Dtest=NoUnitTestsHere -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=NationalScaleBench}. Not a test: figures go to the output and to {@code bench.nationalOut}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NationalScaleBench extends CentralBench {
    private static final int DEPOTS = Integer.getInteger("bench.depots", 5_000);
    private static final int ITEMS = Integer.getInteger("bench.items", 500);
    private static final long LEDGER_ROWS = Long.getLong("bench.ledgerRows", 10_000_000L);
    private static final int DAYS = Integer.getInteger("bench.days", 365);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 3);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String DEPOT_PREFIX = "NSB-D";
    private static final String ITEM_PREFIX = "NSB-I";

    @Inject
    Reports reports;

    @Inject
    StockLedger ledger;

    @Inject
    BundleContext context;

    @Override
    protected String[] knobs() {
        return new String[] {"bench.depots", "bench.items", "bench.ledgerRows", "bench.days", "bench.requests",
            "bench.rounds", "bench.nationalOut"};
    }

    /** The padding takes longer than the 10 minutes a test may hang elsewhere: this one may take two hours. */
    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                CoreOptions.systemProperty(CentralNode.HANG_MINUTES).value("120"));
    }

    @Test
    public void measure() throws Exception {
        Caller system = Caller.system("bench");
        report.line(String.format("National scale (issue 15): %,d depots × %,d items, %,d ledger rows over %d days; "
                + "load average at the start %s", DEPOTS, ITEMS, LEDGER_ROWS, DAYS, loadAverage()));
        report.line("");
        List<OrgUnit> provinces = units.list(system, new OrgUnitFilter(null, null, OrgLevel.PROVINCE, true, null), 500,
                null).items();
        assertTrue(provinces.size() >= 31);
        long t0 = System.nanoTime();
        List<Long> items = makeItems(system);
        List<Long> depotIds = makeDepots(system, provinces);
        report.line(String.format("- %,d items and %,d depots through core's services: %.0f s", ITEMS, DEPOTS,
                seconds(t0)));
        int perLot = (int) Math.max(1, Math.round((double) LEDGER_ROWS / ((long) DEPOTS * ITEMS)));
        NationalPadding padding = new NationalPadding(dataSource, report, perLot, DAYS);
        padding.pad(DEPOT_PREFIX, ITEM_PREFIX, depotIds.get(0));
        padding.recomputeSummaries(context);
        padding.updateStatistics();
        padding.checkSamples(List.of(provinces.get(0).provinceCode(), provinces.get(15).provinceCode(),
                provinces.get(30).provinceCode()), List.of(items.get(0), items.get(items.size() - 1)));
        report.line(String.format("- in the database: %,d balance rows, %,d ledger rows (%,d of them today); "
                + "load average %s", count("tp_inv_balance"), count("tp_inv_movement"),
                count("tp_inv_movement WHERE occurred_at >= CAST(CURRENT_DATE AS TIMESTAMP)"), loadAverage()));
        report.line("");
        padding.plans("the daily report's reads (cut-off now)", dailyReads(), LocalDateTime.now(ZoneOffset.UTC).minusHours(24));
        padding.plans("the national reads' statements (today's date)", nationalReads(), LocalDateTime.now(ZoneOffset.UTC));
        measureReads(depotIds.get(0), items.get(0));
        report.write("bench.nationalOut", "national-scale-bench.md");
    }

    /**
     * The SQL of the inventory's reads under the daily report, with their hints (inventory's {@code CutOffStock},
     * {@code Summaries.raw};
     * the last one {@code Summaries.movementTotals}' read of the history, the one before 1.12), each with the window's
     * start as its parameter.
     */
    private static Map<String, String> dailyReads() {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("ledger by its time index from the window's start", "SELECT d.province_code, m.item_id, "
                + "m.movement_type, m.quantity FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
                + "tp_inv_movement m --DERBY-PROPERTIES index=tp_inv_movement_time_ix\n"
                + " JOIN tp_core_v1_depot d ON d.id = m.depot_id "
                + "WHERE m.occurred_at >= ? AND m.occurred_at < CURRENT_TIMESTAMP");
        reads.put("stock summary", "SELECT province_code, item_id, on_hand FROM tp_inv_stock_summary");
        reads.put("daily summary after the window's first day", "SELECT movement_day, province_code, item_id, "
                + "movement_type, quantity, movements FROM tp_inv_daily_movement "
                + "--DERBY-PROPERTIES constraint=tp_inv_daily_movement_pk\nWHERE movement_day > CAST(? AS DATE)");
        reads.put("before 1.12: daily summary before the window's first day", "SELECT province_code, item_id, "
                + "movement_type, movement_day, quantity, movements FROM tp_inv_daily_movement "
                + "WHERE movement_day < CAST(? AS DATE)");
        return reads;
    }

    /**
     * The SQL of {@code Summaries.itemStock}, under {@code /inventory/national} and {@code /reports/stock} (and the
     * cover, shortages): the free stock of lots that cannot be issued, then the stock summary; today as parameter.
     */
    private static Map<String, String> nationalReads() {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("before: unissuable lots' free stock (itemStock, no hints)", NATIONAL_BLOCKED);
        reads.put("unissuable lots' free stock (itemStock, hinted: lots first, balances by key)", NATIONAL_BLOCKED_HINTED);
        reads.put("stock summary (itemStock)", "SELECT province_code, item_id, on_hand, reserved, lots "
                + "FROM tp_inv_stock_summary WHERE (on_hand > 0 OR reserved > 0)");
        // ExpirySummary.expiringBefore, under /reports/expiring: the same `<` on a parameter as the lots' branch above
        reads.put("expiry summary before a day (expiringBefore, no hints)", "SELECT province_code, item_id, expiry_date, "
                + "on_hand FROM tp_inv_expiry_summary WHERE expiry_date < CAST(? AS DATE)");
        return reads;
    }

    /** {@code Summaries.BLOCKED_LOTS}, the read of the lots that cannot be issued as inventory runs it (keep in step). */
    private static final String NATIONAL_BLOCKED_HINTED = "SELECT d.province_code, b.item_id, b.on_hand - b.reserved "
            + "FROM --DERBY-PROPERTIES joinOrder=FIXED\n(SELECT id, depot_id FROM tp_inv_lot "
            + "--DERBY-PROPERTIES index=tp_inv_lot_status_ix\nWHERE lot_status IN ('QUARANTINED', 'RECALLED', 'EXPIRED') "
            + "UNION ALL SELECT id, depot_id FROM tp_inv_lot --DERBY-PROPERTIES index=tp_inv_lot_expiry_ix\n"
            + "WHERE expiry_date < CAST(? AS DATE) AND lot_status = 'AVAILABLE') l "
            + "JOIN tp_inv_balance b --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n"
            + "ON b.lot_id = l.id JOIN tp_core_v1_depot d ON d.id = l.depot_id WHERE b.on_hand > b.reserved";

    /** {@code Summaries.itemStock}'s read of the lots that cannot be issued before the hints (the plan they fix). */
    private static final String NATIONAL_BLOCKED = "SELECT d.province_code, b.item_id, b.on_hand - b.reserved FROM ("
            + "SELECT id, depot_id FROM tp_inv_lot WHERE lot_status IN ('QUARANTINED', 'RECALLED', 'EXPIRED') "
            + "UNION ALL SELECT id, depot_id FROM tp_inv_lot WHERE expiry_date < CAST(? AS DATE) AND lot_status = 'AVAILABLE'"
            + ") l JOIN tp_inv_balance b ON b.lot_id = l.id JOIN tp_core_v1_depot d ON d.id = l.depot_id "
            + "WHERE b.on_hand > b.reserved";

    private List<Long> makeItems(Caller system) {
        Item like = catalogue.getByCode(system, "MASK-KN95");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            ids.add(catalogue.create(system, new NewItem(String.format("%s%04d", ITEM_PREFIX, i), like.categoryCode(),
                    "Bench item " + i, null, like.unit(), null, 24), null).id());
        }
        return ids;
    }

    private List<Long> makeDepots(Caller system, List<OrgUnit> provinces) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < DEPOTS; i++) {
            OrgUnit owner = provinces.get(i % provinces.size());
            ids.add(depots.create(system, new NewDepot(String.format("%s%05d", DEPOT_PREFIX, i), "Bench depot " + i,
                    owner.id(), null), null).id());
        }
        return ids;
    }

    /** Each read once to warm up, then {@code ROUNDS} rounds of {@code REQUESTS} each, alternating the reads. */
    private void measureReads(long depot, long item) throws Exception {
        Api admin = api().as("admin");
        Caller ministry = Caller.of("admin", Set.of(Roles.MINISTRY_ADMIN), "bench");
        Map<String, IntSupplier> reads = new LinkedHashMap<>();
        for (String path : List.of("/inventory/balances?depot=" + depot + "&item=" + item, "/inventory/national",
                "/reports/stock", "/reports/cover", "/reports/shortages", "/reports/expiring", "/reports/daily")) {
            reads.put("`GET " + path + "`", () -> admin.get(path).status());
        }
        reads.put("`Reports.daily` through the OSGi service (cut-off now)", () -> {
            assertTrue(reports.daily(ministry, null) != null);
            return 200;
        });
        // the inventory reads under the daily report: the one it makes (1.12) and the one it made (the history)
        reads.put("`StockLedger.stockAsOf` (the daily report's read, 1.12; cut-off now)", () -> {
            Instant now = Instant.now();
            assertTrue(!ledger.stockAsOf(ministry, now.minus(Duration.ofHours(24)), now).onHand().isEmpty());
            return 200;
        });
        reads.put("`StockLedger.movementTotals` (its read before 1.12: every day before the window)", () -> {
            Instant now = Instant.now();
            assertTrue(!ledger.movementTotals(ministry, now.minus(Duration.ofHours(24)), now).isEmpty());
            return 200;
        });
        double[] ms = new double[reads.size()];
        List<IntSupplier> calls = new ArrayList<>(reads.values());
        for (IntSupplier call : calls) {
            assertEquals(200, call.getAsInt());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int r = 0; r < calls.size(); r++) {
                long t0 = System.nanoTime();
                for (int n = 0; n < REQUESTS; n++) {
                    assertEquals(200, calls.get(r).getAsInt());
                }
                ms[r] += (System.nanoTime() - t0) / 1e6 / REQUESTS / ROUNDS;
            }
        }
        report.line(String.format("Mean of %d rounds × %d requests after one warm-up each, one client; load average "
                + "after %s", ROUNDS, REQUESTS, loadAverage()));
        report.line("");
        report.line("| read | ms | × single balance lookup |");
        report.line("| --- | --- | --- |");
        List<String> names = new ArrayList<>(reads.keySet());
        for (int r = 0; r < names.size(); r++) {
            report.line(String.format("| %s | %,.1f | %.1f× |", names.get(r), ms[r], ms[r] / ms[0]));
        }
    }

    private static String loadAverage() throws java.io.IOException {
        return String.join(" ", Arrays.asList(Files.readString(Paths.get("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
