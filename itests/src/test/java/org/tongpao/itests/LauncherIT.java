package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.After;
import org.junit.Test;

/**
 * A provincial install started the way an operator starts it — `./tongpao run --node province:42
 * --port … --no-demo` — as a real process: first start, a clean stop, and a kill -9 while receipts are
 * being written.
 * Prints the boot times and memory use that the README and the issue notes report.
 */
public class LauncherIT {

    private final Path instances = Paths.get(System.getProperty("it.work", "target"), "launcher-instances")
            .toAbsolutePath();
    private final NodeProcess node = new NodeProcess("province:42", instances, List.of("--no-demo"), Map.of());

    @After
    public void stopNode() {
        node.close();
    }

    @Test
    public void aProvincialNodeStartsWithoutKnownPasswordsAndKeepsItsDataAcrossStopsAndCrashes() throws Exception {
        NodeProcess.deleteTree(instances);

        long t0 = System.nanoTime();
        node.start();
        JsonNode health = awaitHealthy();
        report("first start to healthy", t0);
        assertEquals("province:42", health.get("node").asText());
        assertTrue(health.toString(), health.get("capabilities").toString().contains("tongpao-province"));
        assertFalse(health.toString(), health.get("capabilities").toString().contains("tongpao-central"));
        // no central is reachable (and this node has no broker password): the node is healthy all the same and its
        // link says it is down, rather than the boot waiting for central
        assertTrue(health.toString(), health.get("capabilities").toString().contains("tongpao-federation"));
        assertEquals(health.toString(), "disconnected", health.get("details").get("federation").get("state").asText());

        Api api = node.api();
        assertEquals("demo accounts are off", 401, api.as("admin", "demo").get("/units").status());
        assertEquals("demo accounts are off", 401, api.as("hubei", "demo").get("/units").status());
        Path passwordFile = instances.resolve("province-42/data/tongpao/initial-admin-password");
        // the security bundle writes it as it starts, which may be just after /health first answers UP
        String password = Poll.until("the generated admin password file", Duration.ofSeconds(30), () -> {
            try {
                return Files.isRegularFile(passwordFile) ? Optional.of(Files.readString(passwordFile).trim())
                        .filter(p -> !p.isEmpty()) : Optional.empty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Api admin = api.as("admin", password);
        assertEquals(200, admin.get("/units?province=42").status());
        long hubei = admin.get("/units?level=PROVINCE&q=P42").json().get("items").get(0).get("id").asLong();
        System.out.println("[figures] province:42 RSS after boot: VmRSS: " + node.rssKb() + " kB");

        Api.Reply first = admin.post("/depots", Map.of("code", "HB-LAUNCH-1", "name", "Before a clean stop",
                "orgUnitId", hubei));
        assertEquals(first.toString(), 201, first.status());

        node.stop();
        t0 = System.nanoTime();
        node.start();
        awaitHealthy();
        report("restart to healthy", t0);
        Api.Reply afterStop = admin.get("/depots/" + first.json().get("id").asLong());
        assertEquals(afterStop.toString(), 200, afterStop.status());
        assertEquals("Before a clean stop", afterStop.json().get("name").asText());
        assertEquals("the admin password is generated once", password, Files.readString(passwordFile).trim());

        Api.Reply second = admin.post("/depots", Map.of("code", "HB-LAUNCH-2", "name", "Before a crash",
                "orgUnitId", hubei));
        assertEquals(second.toString(), 201, second.status());

        // receipts keep arriving while the process is killed: every acknowledged one must survive
        long depot = first.json().get("id").asLong();
        long item = admin.get("/items?q=KN95").json().get("items").get(0).get("id").asLong();
        NodeStock stock = new NodeStock(admin);
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int n = 1; writing.get(); n++) {
                try {
                    long quantity = 100 + n;
                    Api.Reply r = stock.receive(depot, item, quantity, "PO-CRASH-" + n);
                    if (r.status() == 201) {
                        acknowledged.put(r.json().get("id").asLong(), quantity);
                    }
                } catch (IllegalStateException connectionLost) {
                    return;
                }
            }
        });
        writer.start();
        Poll.until("20 acknowledged receipts", Duration.ofSeconds(20),
                () -> acknowledged.size() >= 20 ? Optional.of(true) : Optional.empty());
        node.kill();
        writing.set(false);
        writer.join(30_000);
        assertTrue("receipts were acknowledged before the kill: " + acknowledged.size(), acknowledged.size() >= 20);
        node.start();
        awaitHealthy();
        assertEquals("an acknowledged write survives kill -9", 200,
                admin.get("/depots/" + second.json().get("id").asLong()).status());
        for (Map.Entry<Long, Long> lot : acknowledged.entrySet()) {
            Api.Reply r = admin.get("/inventory/lots/" + lot.getKey());
            assertEquals("acknowledged receipt lot " + lot.getKey() + " " + r, 200, r.status());
            assertEquals(lot.getValue().longValue(), r.json().get("onHand").asLong());
        }
        long ledger = stock.ledgerSum(depot, item);
        JsonNode balance = admin.get("/inventory/balances?depot=" + depot + "&item=" + item + "&by=item").json()
                .get("items").get(0);
        assertEquals("balances agree with the ledger after the crash", ledger, balance.get("onHand").asLong());
        System.out.printf("[figures] kill -9 during receipts: %d acknowledged, all found; ledger = balance = %d%n",
                acknowledged.size(), ledger);
    }

    /**
     * Polls /health only; the moment it says UP every installed capability must be there: boot features
     * installed (the capability list complete) and every endpoint mounted (a write answers 401 without
     * credentials, not 404 "no resource at this path").
     */
    private JsonNode awaitHealthy() {
        Api api = node.api();
        JsonNode health = node.awaitHealthy(Duration.ofSeconds(120));
        assertEquals(health.toString(), "UP", health.get("status").asText());
        assertTrue("UP before the boot features were installed: " + health,
                health.get("capabilities").toString().contains("tongpao-province"));
        assertEquals("the kernel's endpoints answer as soon as health is UP", 401, api.get("/units").status());
        assertEquals("the inventory's endpoints answer as soon as health is UP", 401,
                api.post("/inventory/receipts", Map.of()).status());
        return health;
    }

    private static void report(String what, long t0) {
        System.out.printf("[figures] province:42 %s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
