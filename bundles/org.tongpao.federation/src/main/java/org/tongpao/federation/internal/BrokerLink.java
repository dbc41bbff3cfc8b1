package org.tongpao.federation.internal;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connection to the broker, shared by the relay and the link consumers (each with its own session).
 * It reconnects for ever (every 500 ms) once connected; before the first connection, each {@link #session} call
 * tries once. Sessions are transacted: sends and acknowledgements count only at commit.
 */
final class BrokerLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    static final String PARAMETERS = "reconnectAttempts=-1&retryInterval=500&callTimeout=30000";
    static final long RETRY_MILLIS = 500;

    private final Settings settings;
    private ServerLocator locator;
    private ClientSessionFactory factory;
    private volatile boolean connected;
    private volatile boolean closed;

    BrokerLink(Settings settings) {
        this.settings = settings;
    }

    /** A new transacted session (sends and acknowledgements both committed explicitly). */
    synchronized ClientSession session() throws ActiveMQException {
        if (closed) {
            throw new ActiveMQException("The link to the broker is closed");
        }
        if (factory == null || factory.isClosed()) {
            factory = connect();
        }
        return factory.createSession(settings.user(), settings.password(), false, false, false, false,
                ActiveMQClient.DEFAULT_ACK_BATCH_SIZE);
    }

    private ClientSessionFactory connect() throws ActiveMQException {
        if (locator == null) {
            try {
                locator = ActiveMQClient.createServerLocator(settings.broker()
                        + (settings.broker().contains("?") ? "&" : "?") + PARAMETERS);
            } catch (Exception e) {
                throw new ActiveMQException("Bad broker URL " + settings.broker() + ": " + e.getMessage());
            }
            // a call waiting for a reconnection gives up after this, so the threads can notice a stop
            locator.setCallFailoverTimeout(30_000);
        }
        try {
            ClientSessionFactory f = locator.createSessionFactory();
            f.addFailoverListener(this::failover);
            connected = true;
            LOG.info("Connected to the broker {}", settings.broker());
            return f;
        } catch (ActiveMQException e) {
            connected = false;
            throw e;
        } catch (Exception e) {
            connected = false;
            throw new ActiveMQException(e.getMessage());
        }
    }

    private void failover(FailoverEventType event) {
        switch (event) {
            case FAILURE_DETECTED -> {
                connected = false;
                LOG.warn("Lost the broker {}: reconnecting", settings.broker());
            }
            case FAILOVER_COMPLETED -> {
                connected = true;
                LOG.info("Reconnected to the broker {}", settings.broker());
            }
            default -> connected = false;
        }
    }

    boolean connected() {
        return connected && !closed;
    }

    String broker() {
        return settings.broker();
    }

    /** Closes the connection; calls blocked on it return with an exception. */
    @Override
    public synchronized void close() {
        closed = true;
        connected = false;
        if (factory != null) {
            factory.close();
        }
        if (locator != null) {
            locator.close();
        }
    }
}
