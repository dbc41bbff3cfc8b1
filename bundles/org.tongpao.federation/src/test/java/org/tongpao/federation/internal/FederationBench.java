package org.tongpao.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.Configs;
import org.tongpao.federation.MessageHandler;

/**
 * The figures for the kernel, in one run on one broker (journal synced to disk, as in production): raw
 * Artemis transacted batches of 100 (send, then consume) as the baseline; the relay catching up a backlog queued
 * while the broker was away (target ≥ 50 % of the raw send rate); central's inbox applying it, in groups of up to
 * the batch size (100) per transaction with a handler writing one row (target ≥ 500 messages/s). Runs only under {@code mvn -B verify -Pbench
 * -pl bundles/org.tongpao.federation -am} (surefire's default includes skip *Bench); prints the figures, asserts
 * only that every message arrived once (the machine's load makes a timed assertion meaningless). A second test
 * compares the inbox's group sizes (20 and 100, alternately) in one run, without the broker.
 */
class FederationBench {
    private static final int N = 5_000;

    @TempDir
    Path journal;

    @Test
    void catchUpAndInflowBesideRawArtemis() throws Exception {
        try (TestBroker broker = new TestBroker(journal, true);
                TestNode hubei = new TestNode("province:42").start(null);
                TestNode central = new TestNode("central")) {
            String body = "x".repeat(120);
            double rawSend = rawSend(broker, "tongpao.down.32", body);
            double rawConsume = rawConsume(broker, "tongpao.down.32");

            for (int n = 1; n <= N; n++) {
                hubei.send("central", "bench.number", "1.0", Map.of("n", n, "pad", body));
            }
            long t0 = System.nanoTime();
            hubei.start(broker.url());
            await().atMost(Duration.ofMinutes(5)).until(() -> hubei.federation.links().get(0).backlog() == 0);
            double relay = N / ((System.nanoTime() - t0) / 1e9);

            central.execute("CREATE TABLE t_bench (message_id VARCHAR(80) PRIMARY KEY, n BIGINT NOT NULL)");
            double bareDb = oneRowTransactions(central);
            central.start(null, "42");
            central.register("bench.number", 1, (m, sender) -> Transactions.write(central.db.dataSource(), "bench",
                    c -> Jdbc.update(c, "INSERT INTO t_bench (message_id, n) VALUES (?, ?)",
                            Jdbc.args(m.id(), ((Number) m.body().get("n")).longValue()))));
            long t1 = System.nanoTime();
            // the handler is there before the link starts: every message applies on arrival
            central.federation.modified(Configs.of(FederationConfig.class, Map.of("broker", broker.url(), "user", "",
                    "password", "", "provinces", "42", "batchSize", 100, "pollMillis", 50L, "keepSentDays", 7,
                    "keepInboxDays", 30)));
            await().atMost(Duration.ofMinutes(5)).until(() -> central.count("SELECT COUNT(*) FROM t_bench") == N);
            double inbox = N / ((System.nanoTime() - t1) / 1e9);
            assertThat(central.count("SELECT SUM(n) FROM t_bench")).isEqualTo((long) N * (N + 1) / 2);

            System.out.printf("[bench] | raw Artemis, transacted batches of 100, msg/s | send %.0f / consume %.0f |%n",
                    rawSend, rawConsume);
            System.out.printf("[bench] | relay catch-up of %,d queued messages, msg/s | %.0f (%.0f %% of raw send) "
                    + "| target ≥ 50 %% | %s |%n", N, relay, 100 * relay / rawSend, relay >= rawSend / 2 ? "met" : "NOT met");
            System.out.printf("[bench] | central inbox applying them (groups of ≤ " + LinkConsumer.GROUP + " per transaction), msg/s | %.0f (%.0f %% of raw "
                    + "consume) | target ≥ 500 | %s |%n", inbox, 100 * inbox / rawConsume, inbox >= 500 ? "met" : "NOT met");
            System.out.printf("[bench] | the same database: one-row insert transactions, per s | %.0f (inbox = %.0f %%) |%n",
                    bareDb, 100 * inbox / bareDb);
        }
    }

    /**
     * The inbox alone (no broker), the same messages handed to {@link Inbox#receiveAll} in groups of 20 and of 100,
     * alternately on one database in one run, so the group size is the only difference: messages per second.
     */
    @Test
    void inboxGroupsOf20And100InTheSameRun() {
        try (TestNode central = new TestNode("central")) {
            central.execute("CREATE TABLE t_bench (message_id VARCHAR(80) PRIMARY KEY, n BIGINT NOT NULL)");
            Handlers handlers = new Handlers();
            handlers.add((MessageHandler) (m, sender) -> Transactions.write(central.db.dataSource(), "bench",
                    c -> Jdbc.update(c, "INSERT INTO t_bench (message_id, n) VALUES (?, ?)",
                            Jdbc.args(m.id(), ((Number) m.body().get("n")).longValue()))),
                    Map.of(MessageHandler.TYPE, "bench.number"));
            Inbox inbox = new Inbox(central.db.dataSource(), handlers, central.core.audit, "central",
                    java.time.Clock.systemUTC(), new LinkActivity());
            StringBuilder out = new StringBuilder();
            int round = 0;
            for (int group : new int[] {20, 100, 20, 100, 20, 100}) {
                List<String> envelopes = new ArrayList<>(N);
                for (int n = 1; n <= N; n++) {
                    envelopes.add(Envelope.write("province:42/r" + round + "-" + n, "bench.number", "1.0",
                            "province:42", "central", Instant.now(), Instant.now(), "{\"n\":" + n + "}"));
                }
                long t0 = System.nanoTime();
                for (int from = 0; from < N; from += group) {
                    inbox.receiveAll("province:42", envelopes.subList(from, Math.min(N, from + group)));
                }
                out.append(String.format("[bench] | inbox alone, round %d, groups of %d | %.0f msg/s |%n", ++round,
                        group, N / ((System.nanoTime() - t0) / 1e9)));
            }
            assertThat(central.count("SELECT COUNT(*) FROM t_bench")).isEqualTo(6L * N);
            System.out.print(out);
        }
    }

    /** N one-row insert transactions through {@code Transactions.write}: what the database allows the inbox. */
    private static double oneRowTransactions(TestNode node) {
        node.execute("CREATE TABLE t_bare (id INT PRIMARY KEY)");
        long t0 = System.nanoTime();
        for (int n = 1; n <= N; n++) {
            int id = n;
            Transactions.write(node.db.dataSource(), "bare", c -> Jdbc.update(c, "INSERT INTO t_bare (id) VALUES (?)",
                    Jdbc.args(id)));
        }
        return N / ((System.nanoTime() - t0) / 1e9);
    }

    /** Sends N messages in transacted batches of 100 with duplicate ids; returns messages per second. */
    private static double rawSend(TestBroker broker, String queue, String body) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(broker.url());
                ClientSessionFactory f = locator.createSessionFactory();
                ClientSession s = f.createSession(false, false, false)) {
            ClientProducer producer = s.createProducer(queue);
            long t0 = System.nanoTime();
            for (int n = 1; n <= N; n++) {
                ClientMessage m = s.createMessage(ClientMessage.TEXT_TYPE, true);
                m.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID, SimpleString.of("raw/" + n));
                m.getBodyBuffer().writeNullableSimpleString(SimpleString.of("{\"n\":" + n + ",\"pad\":\"" + body + "\"}"));
                producer.send(m);
                if (n % 100 == 0) {
                    s.commit();
                }
            }
            s.commit();
            return N / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** Consumes N messages in a transacted session, committing every 100; returns messages per second. */
    private static double rawConsume(TestBroker broker, String queue) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(broker.url());
                ClientSessionFactory f = locator.createSessionFactory();
                ClientSession s = f.createSession(false, false, false)) {
            ClientConsumer consumer = s.createConsumer(queue);
            s.start();
            long t0 = System.nanoTime();
            for (int n = 1; n <= N; n++) {
                consumer.receive(10_000).acknowledge();
                if (n % 100 == 0) {
                    s.commit();
                }
            }
            s.commit();
            return N / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
