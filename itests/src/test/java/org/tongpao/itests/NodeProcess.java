package org.tongpao.itests;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Tongpao node started the way an operator starts it, {@code ./tongpao run --node … --port …}, as a real
 * process in its own instance folder ({@code <instances>/<node>}, through {@code TONGPAO_INSTANCES}) on free
 * 127.0.0.1 ports, its output appended to {@code <instances>/<node>.out}. A node keeps its ports across
 * restarts, so the others find it again. {@link #stop()} lets Karaf shut down, {@link #kill()} is {@code kill -9};
 * both wait for the whole process tree (bin/karaf may run Java as its child).
 */
public final class NodeProcess implements AutoCloseable {

    /** The repository root, where {@code ./tongpao} is. */
    static final Path ROOT = Paths.get(System.getProperty("it.work", "target")).toAbsolutePath().getParent()
            .getParent();

    private final String node;
    private final Path instances;
    private final int port = fixedPort();
    private final int sshPort = fixedPort();
    private final List<String> options;
    private final Map<String, String> environment;
    private Process process;

    /**
     * @param node        {@code central} or {@code province:<code>}
     * @param options     further {@code ./tongpao run} options (e.g. {@code --no-demo}, {@code --central host:port})
     * @param environment further environment of the node (e.g. {@code TONGPAO_HEAP})
     */
    public NodeProcess(String node, Path instances, List<String> options, Map<String, String> environment) {
        this.node = node;
        this.instances = instances;
        this.options = List.copyOf(options);
        this.environment = Map.copyOf(environment);
    }

    public String node() {
        return node;
    }

    public int port() {
        return port;
    }

    /** The node's own folder (etc, data, log). */
    public Path instance() {
        return instances.resolve(node.replace(':', '-'));
    }

    /** Where the node's console output goes, across restarts. */
    public Path output() {
        return instances.resolve(node.replace(':', '-') + ".out");
    }

    public Path karafLog() {
        return instance().resolve("data/log/karaf.log");
    }

    public Api api() {
        return Api.at(port);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public NodeProcess start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(node + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("tongpao").toString(), "run", "--node", node,
                "--port", Integer.toString(port), "--ssh-port", Integer.toString(sshPort)));
        command.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("TONGPAO_INSTANCES", instances.toString());
        pb.environment().putAll(environment);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        Files.createDirectories(instances);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(output().toFile()));
        process = pb.start();
        return this;
    }

    /**
     * Polls {@code /health} until it answers 200 (a node whose link is down still answers: the caller judges
     * its checks) and returns it. Fails at once if the process exits.
     */
    public JsonNode awaitHealthy(Duration timeout) {
        // answers while the node starts are not the API's (a 404 before the server is mounted): not recorded
        Api polling = api().unrecorded();
        return Poll.until(node + " healthy; see " + output() + " and " + karafLog(), timeout, () -> {
            assertTrue(node + " exited; see " + output(), alive());
            try {
                Api.Reply r = polling.get("/health");
                return r.status() == 200 ? Optional.of(r.json()) : Optional.empty();
            } catch (IllegalStateException notListeningYet) {
                return Optional.empty(); // connection refused while Karaf boots
            }
        });
    }

    /** SIGTERM: Karaf shuts down cleanly. */
    public void stop() {
        signal(false);
    }

    /** SIGKILL ({@code kill -9}): nothing is flushed or closed. */
    public void kill() {
        signal(true);
    }

    /** Stops the node (hard) if it runs: for {@code @After}/{@code @AfterClass} and shutdown hooks. */
    @Override
    public void close() {
        signal(true);
    }

    /** The Java process's resident set (kB) from {@code /proc}, or -1 when it is not running. */
    public long rssKb() throws IOException {
        if (!alive()) {
            return -1;
        }
        ProcessHandle java = java();
        for (String line : Files.readAllLines(Paths.get("/proc/" + java.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /**
     * The CPU time the node's Java process has used so far (user and system, all its threads), in seconds: what a
     * figure costs on any machine, whatever else runs beside it. -1 when it is not running.
     */
    public double cpuSeconds() {
        if (!alive()) {
            return -1;
        }
        return java().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /** The Java process of the node (bin/karaf may run it as its child). */
    private ProcessHandle java() {
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst()
                .orElse(process.toHandle());
    }

    private void signal(boolean hard) {
        if (process == null) {
            return;
        }
        // signal and wait for the whole tree, so the next start does not find the old node still holding the port
        // and the instance lock
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
                throw new IllegalStateException(node + ": process " + p.pid() + " did not stop", e);
            }
        }
        process = null;
    }

    /** Deletes a folder tree (an earlier run's instances). */
    public static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Override
    public String toString() {
        return node + " on 127.0.0.1:" + port + (alive() ? " (pid " + process.pid() + ")" : " (stopped)");
    }

    /**
     * Before the first start: this node also boots {@code features} (e.g. {@code tongpao-allocation} on a province
     * that sends mutual aid), the way an operator adds them to {@code featuresBoot} (docs/operations.md). The instance's
     * {@code etc} is made here as the launcher would make it (the launcher keeps an existing one).
     */
    public NodeProcess bootAlso(String... features) throws IOException {
        Path etc = instance().resolve("etc");
        if (Files.exists(etc)) {
            throw new IllegalStateException(node + " has booted before: featuresBoot is read on the first start only");
        }
        Path assemblyEtc = ROOT.resolve("karaf-assembly/target/assembly/etc");
        Files.createDirectories(instance());
        try (java.util.stream.Stream<Path> files = Files.walk(assemblyEtc)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Files.copy(from, etc.resolve(assemblyEtc.relativize(from).toString()));
            }
        }
        Path cfg = etc.resolve("org.apache.karaf.features.cfg");
        String boot = Files.readString(cfg);
        java.util.regex.Matcher central = java.util.regex.Pattern.compile("tongpao-central/([^,\\s]+)").matcher(boot);
        if (!central.find()) {
            throw new IllegalStateException("no tongpao-central in " + cfg);
        }
        StringBuilder replacement = new StringBuilder(node.equals("central") ? "tongpao-central" : "tongpao-province")
                .append('/').append(central.group(1));
        for (String f : features) {
            replacement.append(", ").append(f).append('/').append(central.group(1));
        }
        Files.writeString(cfg, central.replaceFirst(java.util.regex.Matcher.quoteReplacement(replacement.toString())));
        return this;
    }

    /** The ports {@link #fixedPort()} gave out in this JVM. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free loopback port below the kernel's ephemeral range (32768 and up): a port a node binds seconds after it was
     * picked. One from {@code ServerSocket(0)} can be handed to any other socket bound to port 0 meanwhile — it was
     * once another node's Karaf shutdown socket, and central's broker never bound its port. Below the range only an
     * explicit bind can take it. {@code -Dit.ports=18200-18299} keeps a run to a range of its own (a machine shared by
     * several people's runs). A port is handed out once per JVM: nodes bind theirs seconds later, so a second draw could
     * find the first one's port still free (in a range of 100, three nodes' HTTP and SSH ports and a broker's collide
     * in about one run of three; one did: a province's link dialled central's HTTP port as its broker).
     */
    public static int fixedPort() {
        String[] range = System.getProperty("it.ports", "20000-31999").split("-");
        int low = Integer.parseInt(range[0].trim());
        int high = Integer.parseInt(range[1].trim());
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(low, high + 1);
            if (HANDED_OUT.contains(candidate)) {
                continue;
            }
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), candidate), 1);
                if (HANDED_OUT.add(candidate)) {
                    return candidate;
                }
            } catch (IOException inUse) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free loopback port in " + low + "-" + high);
    }
}
