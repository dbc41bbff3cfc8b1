package org.tongpao.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.tongpao.itests.Api;
import org.tongpao.itests.FederatedNodes;
import org.tongpao.itests.NodeProcess;
import org.tongpao.itests.NodeStock;
import org.tongpao.itests.Poll;
import org.tongpao.itests.ReceiptWriter;

/**
 * The federation's figures ({@code docs/performance.md}, "Federation: lag, inflow, catch-up") with three real
 * nodes started as processes ({@link FederatedNodes}; central federates all 31 provinces, 29 of them simulated by
 * {@link SimulatedLinks}), beside the baselines measured in the same run: raw Artemis end to end
 * ({@link RawArtemis}) and raw Derby commits ({@link RawDerby}). In order: the baselines; lag from a Hubei receipt
 * to central's replica at a steady rate ({@link LagProbe}); inflow at central from the simulated links; central
 * killed with {@code kill -9} while both provinces write as fast as they can for {@code bench.outageSeconds}, then
 * restarted: the catch-up rate (the provinces' backlog over the time from central healthy to the last message
 * applied). Beside the rates, central's CPU time per message ({@link NodeProcess#cpuSeconds}), which the machine's
 * load changes far less than it changes the rates. Run:
 * {@code mvn -B verify -Pbench -pl itests -am -Dtest=NoUnitTestsHere -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=FederationBench}. Knobs: {@code -Dbench.rawMessages} (50,000), {@code -Dbench.bodyBytes} (600, about a
 * stock.posting envelope), {@code -Dbench.lagRate} (10/s), {@code -Dbench.lagSeconds} (60), {@code -Dbench.perLink}
 * (500 messages on each simulated link), {@code -Dbench.outageSeconds} (600), {@code -Dbench.rawDerbyRows} (5,000);
 * {@code -Dit.ports=18200-18299} keeps the nodes' and the raw broker's ports in a range. Output: {@code [bench]}
 * lines and {@code itests/target/federation-bench.md}.
 */
public class FederationBench {

    private static final int RAW_MESSAGES = Integer.getInteger("bench.rawMessages", 50_000);
    private static final int RAW_DERBY_ROWS = Integer.getInteger("bench.rawDerbyRows", 5_000);
    private static final int BODY_BYTES = Integer.getInteger("bench.bodyBytes", 600);
    private static final double LAG_RATE = Double.parseDouble(System.getProperty("bench.lagRate", "10"));
    private static final int LAG_SECONDS = Integer.getInteger("bench.lagSeconds", 60);
    private static final int PER_LINK = Integer.getInteger("bench.perLink", 500);
    private static final int OUTAGE_SECONDS = Integer.getInteger("bench.outageSeconds", 600);
    private static final Path WORK = Paths.get(System.getProperty("it.work", "target")).toAbsolutePath();
    private static final List<String> ALL = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final BenchReport report = new BenchReport();
    private RawDerby.Rates bare;

    @Test
    public void measure() throws Exception {
        Path journal = WORK.resolve("bench-raw-artemis");
        NodeProcess.deleteTree(journal);
        double raw = RawArtemis.endToEnd(journal, RAW_MESSAGES, BODY_BYTES);
        report.line(String.format("raw Artemis, %,d durable %d-byte messages, transacted batches of %d, produced and "
                + "consumed at once over TCP: %,.0f msg/s", RAW_MESSAGES, BODY_BYTES, RawArtemis.BATCH, raw));
        Path derby = WORK.resolve("bench-raw-derby");
        NodeProcess.deleteTree(derby);
        bare = RawDerby.measure(derby, RAW_DERBY_ROWS, BODY_BYTES);
        report.line(String.format("raw Derby 10.14 on disk, %,d %d-byte rows: %,.0f one-row transactions/s; %,.0f rows/s "
                + "committed %d at a time", RAW_DERBY_ROWS, BODY_BYTES, bare.singleCommits(), bare.groupedRows(),
                RawDerby.GROUP));
        try (FederatedNodes nodes = FederatedNodes.start(WORK.resolve("federation-bench-instances"), Map.of(),
                String.join(",", ALL))) {
            for (NodeProcess n : nodes.all()) {
                report.line(String.format("%s RSS after boot: %,d kB", n.node(), n.rssKb()));
            }
            Api admin = nodes.central.api().as("admin").unrecorded(); // load, not a contract test
            awaitLinks(nodes);
            lag(nodes, admin);
            inflow(nodes, admin);
            catchUp(nodes, admin, raw);
        }
        report.write("bench.fedOut", WORK.resolve("federation-bench.md").toString());
    }

    private static void awaitLinks(FederatedNodes nodes) {
        for (NodeProcess n : nodes.provinces()) {
            Api api = n.api().as("admin").unrecorded();
            Poll.until(n + ": link connected", Duration.ofMinutes(5), () -> Optional.of(api.get("/federation").json())
                    .filter(s -> "connected".equals(s.path("state").asText())));
        }
    }

    private void lag(FederatedNodes nodes, Api admin) throws Exception {
        List<Double> lags = LagProbe.measure(new NodeStock(nodes.hubei.api().as("hubei").unrecorded()), new NodeStock(admin),
                "HB-WH-01", "DISINFECTANT-ALCOHOL75", LAG_RATE, LAG_SECONDS);
        report.line(String.format("lag Hubei receipt → central's replica, %.0f receipts/s for %d s (%d receipts; "
                + "central polled every %d ms): p50 %.0f ms, p99 %.0f ms, max %.0f ms", LAG_RATE, LAG_SECONDS,
                lags.size(), LagProbe.WATCH_MILLIS, LagProbe.percentile(lags, 50), LagProbe.percentile(lags, 99),
                lags.get(lags.size() - 1)));
    }

    private void inflow(FederatedNodes nodes, Api admin) throws Exception {
        List<String> simulated = new ArrayList<>(ALL);
        simulated.removeAll(List.of("42", "32"));
        SimulatedLinks.createDepots(admin, simulated);
        // twice: the first round meets a central just booted (its JIT compiling the path), the second a warm one
        List<String> rounds = List.of("first", "second");
        for (int r = 0; r < rounds.size(); r++) {
            String round = rounds.get(r);
            double cpu0 = nodes.central.cpuSeconds();
            SimulatedLinks.Inflow in = SimulatedLinks.send(nodes.brokerUrl(),
                    SimulatedLinks.centralPassword(nodes.central.instance()), admin, simulated, PER_LINK, RUN + round,
                    (long) r * PER_LINK);
            double cpuMillis = 1000 * (nodes.central.cpuSeconds() - cpu0) / in.messages();
            report.line(String.format("inflow at central (%s round) from %d simulated links (Artemis clients, batches of "
                    + "100): %,d stock.posting messages applied at %,.0f msg/s (sent at %,.0f msg/s; %.0f %% of raw "
                    + "Derby's one-row transactions); central's CPU %.2f ms per message (its broker, links, inbox and "
                    + "the report polled), a ceiling of %,.0f msg/s on 2 cores of its own", round, in.links(),
                    in.messages(), in.appliedPerSecond(), in.sentPerSecond(),
                    100 * in.appliedPerSecond() / bare.singleCommits(), cpuMillis, 2000 / cpuMillis));
        }
    }

    private void catchUp(FederatedNodes nodes, Api admin, double raw) throws Exception {
        NodeStock hb = new NodeStock(nodes.hubei.api().as("hubei").unrecorded());
        NodeStock js = new NodeStock(nodes.jiangsu.api().as("jiangsu").unrecorded());
        String item = "DISINFECTANT-CHLORINE";
        nodes.central.kill();
        long killed = System.nanoTime();
        int written;
        try (ReceiptWriter h = new ReceiptWriter(hb, hb.depotId("HB-PROV-01"), hb.itemId(item), 400_000, "CU-HB");
                ReceiptWriter j = new ReceiptWriter(js, js.depotId("JS-PROV-01"), js.itemId(item), 500_000, "CU-JS")) {
            Poll.until("the outage", Duration.ofSeconds(OUTAGE_SECONDS + 60), () -> Optional.of(true)
                    .filter(x -> System.nanoTime() - killed > OUTAGE_SECONDS * 1_000_000_000L));
            written = h.acknowledged().size() + j.acknowledged().size();
        }
        long backlog = backlog(nodes.hubei) + backlog(nodes.jiangsu);
        long restarted = System.nanoTime();
        FederatedNodes.restart(nodes.central);
        long healthy = System.nanoTime();
        double cpu0 = nodes.central.cpuSeconds();
        NodeStock atCentral = new NodeStock(admin);
        Poll.until("the backlog applied at central", Duration.ofMinutes(60), () -> Optional.of(true).filter(x ->
                hb.holdings("HB-PROV-01").equals(atCentral.holdings("HB-PROV-01"))
                        && js.holdings("JS-PROV-01").equals(atCentral.holdings("JS-PROV-01"))));
        double fromHealthy = (System.nanoTime() - healthy) / 1e9;
        double cpuMillis = 1000 * (nodes.central.cpuSeconds() - cpu0) / backlog;
        double fromRestart = (System.nanoTime() - restarted) / 1e9;
        report.line(String.format("outage: central killed -9 for %d s while Hubei and Jiangsu wrote %,d receipts; "
                + "backlog %,d messages; central healthy %.0f s after its restart", OUTAGE_SECONDS, written, backlog,
                (healthy - restarted) / 1e9));
        report.line(String.format("catch-up: %,d messages applied %.1f s after central was healthy: %,.0f msg/s "
                + "(%.0f %% of raw Artemis %,.0f msg/s); %.1f s and %,.0f msg/s counted from the restart; central's "
                + "CPU %.2f ms per message from healthy on", backlog, fromHealthy, backlog / fromHealthy,
                100 * backlog / fromHealthy / raw, raw, fromRestart, backlog / fromRestart, cpuMillis));
    }

    /** Messages a province's outbox holds for central, not yet acknowledged by the broker. */
    private static long backlog(NodeProcess province) {
        long sum = 0;
        for (JsonNode link : province.api().as("admin").unrecorded().get("/federation").json().get("links")) {
            sum += link.get("backlog").asLong();
        }
        return sum;
    }
}
