package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Federation with three real nodes started as processes from the built distribution ({@link FederatedNodes}):
 * central with the broker, Hubei and Jiangsu. One set of nodes for the whole class (each boot costs seconds on
 * two cores), scenarios in name order; each scenario uses its own records, so it checks what it did, not what an
 * earlier one left. Instances and logs: {@code itests/target/federation-instances/}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FederationNodesIT {

    private static final Path INSTANCES = Paths.get(System.getProperty("it.work", "target"),
            "federation-instances").toAbsolutePath();

    private static FederatedNodes nodes;
    private static long classStarted;

    @BeforeClass
    public static void startNodes() throws Exception {
        classStarted = System.nanoTime();
        nodes = FederatedNodes.start(INSTANCES, Map.of());
    }

    @AfterClass
    public static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
        System.out.printf("[figures] FederationNodesIT: %.1f s from the first boot to the last node stopped%n",
                (System.nanoTime() - classStarted) / 1e9);
    }

    @Test
    public void a_eachNodeKnowsItselfAndBootsItsOwnInstall() {
        assertNode(nodes.central, "tongpao-central");
        assertNode(nodes.hubei, "tongpao-province");
        assertNode(nodes.jiangsu, "tongpao-province");
    }

    @Test
    public void z_everyNodeStopsCleanly() {
        for (NodeProcess n : nodes.all()) {
            n.stop();
            assertFalse(n + " still runs after a clean stop", n.alive());
        }
    }

    private static void assertNode(NodeProcess n, String capability) {
        JsonNode health = n.api().get("/health").json();
        assertEquals(health.toString(), "UP", health.get("status").asText());
        assertEquals(health.toString(), n.node(), health.get("node").asText());
        assertTrue(n + ": " + health, health.get("capabilities").toString().contains(capability));
    }
}
