package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

    private static final Path ROOT = Paths.get(System.getProperty("it.work", "target")).toAbsolutePath()
            .getParent().getParent();

    private final int port = TongpaoContainer.freePort();
    private final Path instances = Paths.get(System.getProperty("it.work", "target"), "launcher-instances")
            .toAbsolutePath();
    private Process process;

    @After
    public void stopNode() {
        kill(true);
    }

    @Test
    public void aProvincialNodeStartsWithoutKnownPasswordsAndKeepsItsDataAcrossStopsAndCrashes() throws Exception {
        deleteTree(instances);

        long t0 = System.nanoTime();
        start();
        JsonNode health = awaitHealthy();
        report("first start to healthy", t0);
        assertEquals("province:42", health.get("node").asText());
        assertTrue(health.toString(), health.get("capabilities").toString().contains("tongpao-province"));
        assertFalse(health.toString(), health.get("capabilities").toString().contains("tongpao-central"));
        // no central is reachable (and this node has no broker password): the node is healthy all the same and its
        // link says it is down, rather than the boot waiting for central
        assertTrue(health.toString(), health.get("capabilities").toString().contains("tongpao-federation"));
        assertEquals(health.toString(), "disconnected", health.get("details").get("federation").get("state").asText());

        Api api = Api.at(port);
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
        reportRss();

        Api.Reply first = admin.post("/depots", Map.of("code", "HB-LAUNCH-1", "name", "Before a clean stop",
                "orgUnitId", hubei));
        assertEquals(first.toString(), 201, first.status());

        kill(false);
        t0 = System.nanoTime();
        start();
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
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int n = 1; writing.get(); n++) {
                try {
                    long quantity = 100 + n;
                    Api.Reply r = admin.post("/inventory/receipts", Map.of("depotId", depot, "itemId", item,
                            "quantity", quantity, "origin", "PURCHASE_ORDER", "sourceDocument", "PO-CRASH-" + n,
                            "expiryDate", LocalDate.now().plusYears(2).toString()));
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
        kill(true);
        writing.set(false);
        writer.join(30_000);
        assertTrue("receipts were acknowledged before the kill: " + acknowledged.size(), acknowledged.size() >= 20);
        start();
        awaitHealthy();
        assertEquals("an acknowledged write survives kill -9", 200,
                admin.get("/depots/" + second.json().get("id").asLong()).status());
        for (Map.Entry<Long, Long> lot : acknowledged.entrySet()) {
            Api.Reply r = admin.get("/inventory/lots/" + lot.getKey());
            assertEquals("acknowledged receipt lot " + lot.getKey() + " " + r, 200, r.status());
            assertEquals(lot.getValue().longValue(), r.json().get("onHand").asLong());
        }
        long ledger = 0;
        String cursor = null;
        do {
            JsonNode page = admin.get("/inventory/movements?depot=" + depot + "&item=" + item + "&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode m : page.get("items")) {
                ledger += m.get("quantity").asLong();
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        JsonNode balance = admin.get("/inventory/balances?depot=" + depot + "&item=" + item + "&by=item").json()
                .get("items").get(0);
        assertEquals("balances agree with the ledger after the crash", ledger, balance.get("onHand").asLong());
        System.out.printf("[figures] kill -9 during receipts: %d acknowledged, all found; ledger = balance = %d%n",
                acknowledged.size(), ledger);
    }

    private void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("tongpao").toString(), "run", "--node", "province:42",
                "--port", Integer.toString(port), "--ssh-port", Integer.toString(TongpaoContainer.freePort()),
                "--no-demo");
        pb.environment().put("TONGPAO_INSTANCES", instances.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        Files.createDirectories(instances);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(instances.resolve("launcher.out").toFile()));
        process = pb.start();
    }

    /**
     * Polls /health only; the moment it says UP every installed capability must be there: boot features
     * installed (the capability list complete) and every endpoint mounted (a write answers 401 without
     * credentials, not 404 "no resource at this path").
     */
    private JsonNode awaitHealthy() {
        // answers while the node starts are not the API's (a 404 before the server is mounted): not recorded
        Api polling = Api.at(port).unrecorded();
        Api api = Api.at(port);
        JsonNode health = Poll.until("a healthy node; see " + instances.resolve("launcher.out"), Duration.ofSeconds(120),
                () -> {
                    assertTrue("the node exited; see " + instances.resolve("launcher.out"), process.isAlive());
                    try {
                        Api.Reply r = polling.get("/health");
                        return r.status() == 200 ? Optional.of(r.json()) : Optional.empty();
                    } catch (IllegalStateException notListeningYet) {
                        return Optional.empty(); // connection refused while Karaf boots
                    }
                });
        assertEquals(health.toString(), "UP", health.get("status").asText());
        assertTrue("UP before the boot features were installed: " + health,
                health.get("capabilities").toString().contains("tongpao-province"));
        assertEquals("the kernel's endpoints answer as soon as health is UP", 401, api.get("/units").status());
        assertEquals("the inventory's endpoints answer as soon as health is UP", 401,
                api.post("/inventory/receipts", Map.of()).status());
        return health;
    }

    /** Stops the node and everything it started: SIGTERM lets Karaf shut down cleanly, SIGKILL does not. */
    private void kill(boolean hard) {
        if (process == null) {
            return;
        }
        // bin/karaf may run Java as its child: signal and wait for the whole tree, so the next start
        // does not find the old node still holding the port and the instance lock
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        for (ProcessHandle p : tree) {
            if (hard) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + p.pid() + " did not stop", e);
            }
        }
        process = null;
    }

    private void reportRss() throws IOException {
        Optional<ProcessHandle> java = process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst();
        ProcessHandle h = java.orElse(process.toHandle());
        for (String line : Files.readAllLines(Paths.get("/proc/" + h.pid() + "/status"))) {
            if (line.startsWith("VmRSS")) {
                System.out.println("[figures] province:42 RSS after boot: " + line.replaceAll("\\s+", " "));
            }
        }
    }

    private static void report(String what, long t0) {
        System.out.printf("[figures] province:42 %s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
