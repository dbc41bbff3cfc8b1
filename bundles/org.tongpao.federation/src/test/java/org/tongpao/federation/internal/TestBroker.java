package org.tongpao.federation.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real embedded Artemis broker for the tests, as central's: loopback, a free port, a persistent journal in a
 * temporary folder, the duplicate-id cache persisted, the federation queues of provinces 42 and 32 declared. It can
 * be stopped and started again on the same port and journal. Also a plain client to read and write those queues.
 */
final class TestBroker implements AutoCloseable {
    final int port = freePort();
    private final Path dir;
    private ActiveMQServer server;

    TestBroker(Path dir) {
        this.dir = dir;
        start();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    void start() {
        try {
            Configuration c = new ConfigurationImpl().setPersistenceEnabled(true).setSecurityEnabled(false)
                    .setJournalType(JournalType.NIO).setJournalDatasync(false)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
                    .setLargeMessagesDirectory(dir.resolve("large").toString())
                    .setPersistIDCache(true).setIDCacheSize(20_000)
                    .addAddressSetting("tongpao.#", new AddressSettings().setMaxDeliveryAttempts(-1)
                            .setAutoCreateQueues(false).setAutoCreateAddresses(false));
            c.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port);
            for (String code : List.of("42", "32")) {
                for (String q : List.of(Nodes.upQueue(code), Nodes.downQueue(code))) {
                    c.addQueueConfiguration(QueueConfiguration.of(q).setRoutingType(RoutingType.ANYCAST).setDurable(true));
                }
            }
            server = ActiveMQServers.newActiveMQServer(c, true);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("The test broker did not start", e);
        }
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The test broker did not stop", e);
        }
    }

    /** Messages waiting in {@code queue}. */
    long depth(String queue) {
        return server.locateQueue(SimpleString.of(queue)).getMessageCount();
    }

    /** Takes every message waiting in {@code queue}: their envelopes. */
    List<String> drain(String queue) throws Exception {
        List<String> out = new ArrayList<>();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url());
                ClientSessionFactory f = locator.createSessionFactory();
                ClientSession s = f.createSession(false, true, true)) {
            ClientConsumer consumer = s.createConsumer(queue);
            s.start();
            for (ClientMessage m = consumer.receive(500); m != null; m = consumer.receive(200)) {
                m.acknowledge();
                out.add(BatchSender.text(m));
            }
        }
        return out;
    }

    /** Sends a raw envelope to {@code queue} (a new duplicate-detection id each time: a redelivery when repeated). */
    void sendRaw(String queue, String envelope) throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url());
                ClientSessionFactory f = locator.createSessionFactory();
                ClientSession s = f.createSession(false, true, true)) {
            ClientProducer producer = s.createProducer(queue);
            ClientMessage m = s.createMessage(ClientMessage.TEXT_TYPE, true);
            m.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID, SimpleString.of(id));
            m.getBodyBuffer().writeNullableSimpleString(SimpleString.of(envelope));
            producer.send(m);
        }
    }

    @Override
    public void close() {
        if (server != null && server.isStarted()) {
            stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
