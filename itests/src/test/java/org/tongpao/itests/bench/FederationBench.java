package org.tongpao.itests.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.Test;
import org.tongpao.itests.FederatedNodes;
import org.tongpao.itests.NodeProcess;

/**
 * The federation's figures ({@code docs/performance.md}, "Federation: lag, inflow, catch-up"), with three real
 * nodes started as processes ({@link FederatedNodes}) and, first, the baseline measured in the same run: raw
 * Artemis end to end ({@link RawArtemis}). Run:
 * {@code mvn -B verify -Pbench -pl itests -am -Dtest=NoUnitTestsHere -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=FederationBench}. Knobs: {@code -Dbench.rawMessages} (50,000), {@code -Dbench.bodyBytes} (400, about a
 * stock message's envelope). Output: {@code [bench]} lines and {@code itests/target/federation-bench.md}.
 */
public class FederationBench {

    private static final int RAW_MESSAGES = Integer.getInteger("bench.rawMessages", 50_000);
    private static final int BODY_BYTES = Integer.getInteger("bench.bodyBytes", 400);
    private static final Path WORK = Paths.get(System.getProperty("it.work", "target")).toAbsolutePath();

    private final BenchReport report = new BenchReport();

    @Test
    public void measure() throws Exception {
        Path journal = WORK.resolve("bench-raw-artemis");
        NodeProcess.deleteTree(journal);
        double raw = RawArtemis.endToEnd(journal, RAW_MESSAGES, BODY_BYTES);
        report.line(String.format("raw Artemis, %,d durable %d-byte messages, transacted batches of %d, produced and "
                + "consumed at once over TCP: %,.0f msg/s", RAW_MESSAGES, BODY_BYTES, RawArtemis.BATCH, raw));
        try (FederatedNodes nodes = FederatedNodes.start(WORK.resolve("federation-bench-instances"), Map.of())) {
            for (NodeProcess n : nodes.all()) {
                report.line(String.format("%s RSS after boot: %,d kB", n.node(), n.rssKb()));
            }
        }
        report.write("bench.fedOut", WORK.resolve("federation-bench.md").toString());
    }
}
