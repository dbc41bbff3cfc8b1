package org.tongpao.federation.inventory.internal.rebuild;

import java.util.OptionalLong;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many messages wait in a province's up queue ({@code tongpao.up.<code>}) at the broker, asked with a core
 * client queue query as central's own broker account (federation's {@code broker}, {@code user}, {@code password}).
 * Empty when the broker cannot be asked (not configured, unreachable): central then cannot tell.
 */
final class UpQueues {
    private static final Logger LOG = LoggerFactory.getLogger(UpQueues.class);

    private UpQueues() {
    }

    static OptionalLong depth(String broker, String user, String password, String provinceCode) {
        if (broker == null || broker.isBlank()) {
            return OptionalLong.empty();
        }
        String url = broker + (broker.contains("?") ? "&" : "?") + "callTimeout=5000&reconnectAttempts=0";
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 1)) {
            ClientSession.QueueQuery queue = session.queueQuery(SimpleString.of("tongpao.up." + provinceCode));
            return queue.isExists() ? OptionalLong.of(queue.getMessageCount()) : OptionalLong.empty();
        } catch (Exception e) {
            LOG.warn("Could not ask the broker {} how many messages wait from province {}: {}", broker, provinceCode,
                    e.toString());
            return OptionalLong.empty();
        }
    }
}
