package org.tongpao.itests.bench;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tongpao.itests.Api;
import org.tongpao.itests.LinkClient;
import org.tongpao.itests.Poll;

/**
 * Many provinces' links without their nodes: for each simulated province central federates, a depot
 * {@code BENCH-<code>} made at central, and a plain Artemis client (logged in as {@code node-central}, which may send
 * to every up queue) that sends {@code stock.posting} receipts of one unit each, from {@code province:<code>}, to
 * {@code tongpao.up.<code>} in transacted batches of 100, as a province's relay does. Central consumes and applies
 * them through its real links, inbox and replica ledger. Inflow = messages / (first send → the last one applied,
 * seen in central's national report).
 */
final class SimulatedLinks {
    static final String ITEM = "GLOVES-EXAM";
    private static final int BATCH = 100;

    private SimulatedLinks() {
    }

    /** The result: messages applied per second at central, and the rate they were sent at. */
    record Inflow(int links, int messages, double appliedPerSecond, double sentPerSecond) {
    }

    /** Makes each simulated province's depot at central (master data: central's own). */
    static void createDepots(Api admin, List<String> codes) {
        for (String code : codes) {
            long unit = -1;
            for (JsonNode u : admin.get("/units?level=PROVINCE&q=P" + code).json().get("items")) {
                if (("P" + code).equals(u.get("code").asText())) {
                    unit = u.get("id").asLong();
                }
            }
            Api.Reply r = admin.post("/depots", Map.of("code", "BENCH-" + code, "name", "Bench depot " + code,
                    "orgUnitId", unit));
            assertEquals(r.toString(), 201, r.status());
        }
    }

    /** The password of central's own broker account, which ./tongpao wrote into central's federation configuration. */
    static String centralPassword(Path centralInstance) throws Exception {
        for (String line : Files.readAllLines(centralInstance.resolve("etc/org.tongpao.federation.cfg"))) {
            if (line.startsWith("password")) {
                return line.substring(line.indexOf('=') + 1).trim();
            }
        }
        throw new IllegalStateException("no password in central's etc/org.tongpao.federation.cfg");
    }

    /**
     * Sends {@code perLink} receipts on each link, their lots and postings numbered from {@code firstId} + 1 (a round
     * after another starts past its ids, else its postings would be repeats that change nothing).
     */
    static Inflow send(String brokerUrl, String password, Api admin, List<String> codes, int perLink, String run,
            long firstId) throws Exception {
        long before = onHand(admin, codes);
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(4, codes.size()));
        long t0 = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int t = 0; t < Math.min(4, codes.size()); t++) {
            List<String> mine = new ArrayList<>();
            for (int i = t; i < codes.size(); i += 4) {
                mine.add(codes.get(i));
            }
            sent.add(threads.submit(() -> sendAll(brokerUrl, password, mine, perLink, run, firstId)));
        }
        for (Future<?> f : sent) {
            f.get(30, TimeUnit.MINUTES);
        }
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        threads.shutdown();
        int messages = codes.size() * perLink;
        Poll.until(messages + " simulated receipts applied at central", Duration.ofMinutes(30), () -> Optional
                .of(onHand(admin, codes)).filter(n -> n >= before + messages));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Inflow(codes.size(), messages, messages / seconds, messages / sendSeconds);
    }

    /** Sends {@code perLink} receipts on each link, the links taking turns batch by batch. */
    private static Void sendAll(String brokerUrl, String password, List<String> codes, int perLink, String run,
            long firstId) throws Exception {
        List<LinkClient> links = new ArrayList<>();
        try {
            for (String code : codes) {
                links.add(new LinkClient(brokerUrl, "node-central", password, "tongpao.up." + code));
            }
            for (int first = 0; first < perLink; first += BATCH) {
                for (int l = 0; l < codes.size(); l++) {
                    List<String> ids = new ArrayList<>();
                    List<String> envelopes = new ArrayList<>();
                    for (int n = first; n < Math.min(perLink, first + BATCH); n++) {
                        String id = "province:" + codes.get(l) + "/bench-" + run + "-" + n;
                        ids.add(id);
                        envelopes.add(LinkClient.envelope(id, "stock.posting", "1.0", "province:" + codes.get(l),
                                Instant.now(), LinkClient.receipt("BENCH-" + codes.get(l), ITEM, firstId + n + 1, 1,
                                        "BENCH-" + run + "-" + n)));
                    }
                    links.get(l).sendBatch(ids, envelopes);
                }
            }
        } finally {
            for (LinkClient link : links) {
                link.close();
            }
        }
        return null;
    }

    /** Central's on-hand of the bench item over the simulated provinces, from the national report. */
    private static long onHand(Api admin, List<String> codes) {
        long sum = 0;
        for (JsonNode row : admin.get("/inventory/national?category=GLOVES").json().get("items")) {
            if (codes.contains(row.path("provinceCode").asText())) {
                sum += row.get("onHand").asLong();
            }
        }
        return sum;
    }
}
