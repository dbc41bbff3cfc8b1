package org.tongpao.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Three real nodes as processes, as the federation's walk-through runs them: {@code central} (with the broker)
 * and two provinces, Hubei ({@code province:42}) and Jiangsu ({@code province:32}), each in its own instance folder
 * under {@code instances} with free 127.0.0.1 ports, in demo mode: {@code ./tongpao run --broker-port P --provinces
 * 42,32} and {@code ./tongpao run --node province:42 --central 127.0.0.1:P}, as the README's walk-through. The three boot at once (a province that comes up
 * before central keeps its messages until the link connects). {@link #close()} kills whatever still runs, and a
 * shutdown hook does the same if the test JVM ends first, so no node outlives its test.
 */
public final class FederatedNodes implements AutoCloseable {

    public static final Duration BOOT = Duration.ofSeconds(Long.getLong("it.nodeBootSeconds", 600));

    public final NodeProcess central;
    public final NodeProcess hubei;
    public final NodeProcess jiangsu;
    private final int brokerPort = NodeProcess.fixedPort();
    private final Thread reaper = new Thread(this::close, "federated-nodes-reaper");

    private FederatedNodes(Path instances, Map<String, String> environment, String provinces) {
        central = new NodeProcess("central", instances, List.of("--broker-port", Integer.toString(brokerPort),
                "--provinces", provinces), environment);
        // demo mode: central has the accounts node-42 and node-32 with password 'demo', and so do the provinces
        // central's REST API too (a province's rebuild pulls from it): not on the launcher's default port here
        List<String> toCentral = List.of("--central", "127.0.0.1:" + brokerPort, "--central-api",
                "http://127.0.0.1:" + central.port() + "/api/v1");
        // Jiangsu takes donations: the slim composite leaves them out, the launcher's --with adds them (issue 11);
        // its rebuild (FederationNodesIT h_) brings its donations back
        List<String> jiangsuOptions = new java.util.ArrayList<>(toCentral);
        jiangsuOptions.addAll(List.of("--with", "tongpao-donation"));
        hubei = new NodeProcess("province:42", instances, toCentral, environment);
        jiangsu = new NodeProcess("province:32", instances, jiangsuOptions, environment);
    }

    /** Central's broker, {@code tcp://127.0.0.1:<port>}: the provinces' links, and a benchmark's own clients. */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    /** Starts the three nodes afresh (an earlier run's instances deleted) and waits until each is healthy. */
    public static FederatedNodes start(Path instances, Map<String, String> environment) throws IOException {
        return start(instances, environment, "42,32");
    }

    /**
     * The same, with central federating {@code provinces} (a comma list holding 42 and 32): a benchmark simulates
     * the other provinces' links with plain Artemis clients.
     */
    public static FederatedNodes start(Path instances, Map<String, String> environment, String provinces)
            throws IOException {
        NodeProcess.deleteTree(instances);
        FederatedNodes nodes = new FederatedNodes(instances, environment, provinces);
        // Jiangsu sends mutual aid: its node dispatches central's instruction, which needs the allocation glue
        nodes.jiangsu.bootAlso("tongpao-allocation");
        Runtime.getRuntime().addShutdownHook(nodes.reaper);
        try {
            long t0 = System.nanoTime();
            for (NodeProcess n : nodes.all()) {
                n.start();
            }
            for (NodeProcess n : nodes.all()) {
                n.awaitHealthy(BOOT);
            }
            System.out.printf("[figures] three nodes started at once, all healthy after %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            return nodes;
        } catch (IOException | RuntimeException | AssertionError e) {
            nodes.close();
            throw e;
        }
    }

    public List<NodeProcess> all() {
        return List.of(central, hubei, jiangsu);
    }

    public List<NodeProcess> provinces() {
        return List.of(hubei, jiangsu);
    }

    /** Restarts a node that was stopped or killed and waits until it is healthy; returns its health. */
    public static JsonNode restart(NodeProcess node) throws IOException {
        node.start();
        return node.awaitHealthy(BOOT);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (NodeProcess n : all()) {
            try {
                n.close();
            } catch (RuntimeException e) {
                failure = e; // stop the others first; then report it
            }
        }
        if (Thread.currentThread() != reaper) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and the hook runs anyway: nothing to remove
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
