package org.tongpao.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.federation.LinkStatus;

/** The relay of a province to a real broker: exactly once across outages, crashes and late commits. */
class RelayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UP = Nodes.upQueue("42");

    @TempDir
    Path journal;
    private TestBroker broker;
    private final TestNode hubei = new TestNode("province:42");

    @BeforeEach
    void startBroker() {
        broker = new TestBroker(journal);
    }

    @AfterEach
    void close() {
        hubei.close();
        broker.close();
    }

    @Test
    void aBacklogQueuedWhileTheBrokerIsAwayArrivesOnceAfterItsReturn() throws Exception {
        hubei.start(broker.url());
        sendNumbered(1, 100);
        await().until(() -> hubei.federation.links().get(0).backlog() == 0);

        broker.stop();
        sendNumbered(101, 300);
        await().until(() -> !hubei.federation.links().get(0).connected());
        LinkStatus away = hubei.federation.links().get(0);
        assertThat(away.backlog()).isEqualTo(200);
        assertThat(away.oldestUnsent()).isNotNull();

        broker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> hubei.federation.links().get(0).backlog() == 0);
        assertThat(hubei.federation.links().get(0).connected()).isTrue();
        assertThat(hubei.federation.links().get(0).lastSent()).isNotNull();
        assertExactlyOnce(broker.drain(UP), 300);
    }

    @Test
    void aRelayThatCrashedBetweenTheBrokersCommitAndMarkingResendsAndTheBrokerStoresOnce() throws Exception {
        hubei.start(null);
        sendNumbered(1, 150);
        Settings settings = new Settings(broker.url(), null, null, Set.of(), 100, 50, 7, 30);
        Topology topology = new Topology(hubei.id, Set.of());
        try (BrokerLink link = new BrokerLink(settings)) {
            Relay crashed = new Relay(hubei.db.dataSource(), link, topology, settings, Clock.systemUTC(),
                    new LinkActivity());
            crashed.send(crashed.next());
            crashed.closeSender();
        }
        assertThat(broker.depth(UP)).isEqualTo(100);
        assertThat(hubei.federation.links().get(0).backlog()).isEqualTo(150);

        hubei.start(broker.url());
        await().until(() -> hubei.federation.links().get(0).backlog() == 0);
        assertExactlyOnce(broker.drain(UP), 150);
    }

    @Test
    void aLowerIdThatCommitsAfterAHigherOneIsStillSent() throws Exception {
        // Derby makes the relay's read wait for the open row; give up at once instead, so the relay keeps passing
        hubei.db.shortLockTimeout();
        hubei.start(broker.url());
        try (Connection open = hubei.connection()) {
            open.setAutoCommit(false);
            String lower = hubei.federation.send(open, "central", "test.number", "1.0", Instant.now(), Map.of("n", 1));
            String higher = hubei.send("central", "test.number", "1.0", Map.of("n", 2));
            assertThat(id(lower)).isLessThan(id(higher));
            long passes = hubei.federation.relay().passes();
            await().until(() -> hubei.federation.relay().passes() > passes + 3);
            if (!TestDatabase.POSTGRES.isEmpty()) {
                // PostgreSQL does not wait on the open row: the higher id is already sent, the lower one not
                await().until(() -> broker.depth(UP) == 1);
            }
            open.commit();
        }
        await().until(() -> hubei.federation.links().get(0).backlog() == 0);
        assertExactlyOnce(broker.drain(UP), 2);
    }

    private void sendNumbered(int from, int to) {
        for (int n = from; n <= to; n++) {
            hubei.send("central", "test.number", "1.0", Map.of("n", n));
        }
    }

    /** {@code 1..count} each arrived once: as many envelopes, distinct ids, the sum of 1..count. */
    private static void assertExactlyOnce(List<String> envelopes, int count) throws Exception {
        Set<String> ids = new HashSet<>();
        long sum = 0;
        for (String e : envelopes) {
            var node = JSON.readTree(e);
            ids.add(node.get("id").asText());
            sum += node.get("body").get("n").asLong();
            assertThat(node.get("from").asText()).isEqualTo("province:42");
            assertThat(node.get("to").asText()).isEqualTo("central");
        }
        assertThat(envelopes).hasSize(count);
        assertThat(ids).hasSize(count);
        assertThat(sum).isEqualTo((long) count * (count + 1) / 2);
    }

    private static long id(String messageId) {
        return Long.parseLong(messageId.substring(messageId.indexOf('/') + 1));
    }
}
