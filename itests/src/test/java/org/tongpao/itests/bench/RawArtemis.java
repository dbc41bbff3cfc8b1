package org.tongpao.itests.bench;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.tongpao.itests.NodeProcess;

/**
 * The baseline of the federation's figures: what Artemis alone moves on this machine in the same run. A broker of
 * the same version as central's (2.40.0, persistent NIO journal with a disk sync per commit, duplicate detection)
 * in the benchmark's JVM, one producer sending durable messages of the federation's size with a duplicate-id in
 * transacted batches of 100 (as the relay does) and one consumer committing every 100 (as an inbox at its best),
 * both over TCP on 127.0.0.1 at the same time: messages delivered end to end per second.
 */
final class RawArtemis {
    static final int BATCH = 100;
    private static final String QUEUE = "bench.raw";

    private RawArtemis() {
    }

    /** Messages per second from the first send to the last consumer commit, for {@code messages} messages. */
    static double endToEnd(Path journal, int messages, int bodyBytes) throws Exception {
        int port = NodeProcess.fixedPort();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(journal.resolve("journal").toString());
        config.setBindingsDirectory(journal.resolve("bindings").toString());
        config.setLargeMessagesDirectory(journal.resolve("large").toString());
        config.setPagingDirectory(journal.resolve("paging").toString());
        config.setPersistIDCache(true);
        config.setIDCacheSize(messages + BATCH);
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        config.addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port);
                ClientSessionFactory factory = locator.createSessionFactory()) {
            String body = "x".repeat(bodyBytes);
            long t0 = System.nanoTime();
            Future<?> sent = threads.submit(() -> produce(factory, messages, body));
            Future<?> received = threads.submit(() -> consume(factory, messages));
            sent.get(30, TimeUnit.MINUTES);
            received.get(30, TimeUnit.MINUTES);
            return messages / ((System.nanoTime() - t0) / 1e9);
        } finally {
            threads.shutdownNow();
            broker.stop();
        }
    }

    private static Void produce(ClientSessionFactory factory, int messages, String body) throws Exception {
        try (ClientSession session = factory.createTransactedSession();
                ClientProducer producer = session.createProducer(QUEUE)) {
            for (int n = 1; n <= messages; n++) {
                ClientMessage m = session.createMessage(true);
                m.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID.toString(), "raw/" + n);
                m.getBodyBuffer().writeString(body);
                producer.send(m);
                if (n % BATCH == 0 || n == messages) {
                    session.commit();
                }
            }
        }
        return null;
    }

    private static Void consume(ClientSessionFactory factory, int messages) throws Exception {
        try (ClientSession session = factory.createTransactedSession();
                ClientConsumer consumer = session.createConsumer(QUEUE)) {
            session.start();
            for (int n = 1; n <= messages; n++) {
                ClientMessage m = consumer.receive(60_000);
                if (m == null) {
                    throw new IllegalStateException("raw Artemis: message " + n + " of " + messages + " never came");
                }
                m.acknowledge();
                if (n % BATCH == 0 || n == messages) {
                    session.commit();
                }
            }
        }
        return null;
    }
}
