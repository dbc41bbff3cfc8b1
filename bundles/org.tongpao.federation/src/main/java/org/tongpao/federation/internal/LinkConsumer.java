package org.tongpao.federation.internal;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's consumer thread: takes the messages of the link's incoming queue in a transacted session, hands each
 * to the {@link Inbox} (which commits it to the database first) and acknowledges them to the broker in groups of at
 * most {@code batchSize}, or as soon as the queue is empty. A message acknowledged late comes again after a crash
 * and finds its inbox row. When this node's database fails, the message is tried again here (not given back to the
 * broker, whose delivery count it would raise) until it succeeds or the link stops.
 */
final class LinkConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkConsumer.class);

    private final Topology.Link link;
    private final BrokerLink broker;
    private final Inbox inbox;
    private final Settings settings;
    private volatile boolean running = true;

    LinkConsumer(Topology.Link link, BrokerLink broker, Inbox inbox, Settings settings) {
        this.link = link;
        this.broker = broker;
        this.inbox = inbox;
        this.settings = settings;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        LOG.info("Consuming {} (messages from {})", link.inQueue(), link.node());
        while (running) {
            try (ClientSession session = broker.session()) {
                ClientConsumer consumer = session.createConsumer(link.inQueue());
                session.start();
                consume(session, consumer);
            } catch (ActiveMQException e) {
                if (running) {
                    LOG.debug("{}: broker unavailable ({}); retrying", link.inQueue(), e.toString());
                    sleep(BrokerLink.RETRY_MILLIS);
                }
            }
        }
        LOG.info("Stopped consuming {}", link.inQueue());
    }

    private void consume(ClientSession session, ClientConsumer consumer) throws ActiveMQException {
        int unacknowledged = 0;
        while (running) {
            ClientMessage m = unacknowledged == 0 ? consumer.receive(settings.pollMillis()) : consumer.receiveImmediate();
            if (m == null) {
                if (unacknowledged > 0) {
                    commit(session);
                    unacknowledged = 0;
                }
                continue;
            }
            m.acknowledge();
            if (!handle(BatchSender.text(m))) {
                // stopping before this node's database took the message: the broker keeps it
                session.rollback();
                return;
            }
            if (++unacknowledged >= settings.batchSize()) {
                commit(session);
                unacknowledged = 0;
            }
        }
        if (unacknowledged > 0) {
            commit(session);
        }
    }

    /** Hands one message to the inbox, again while this node's database fails; false when stopped first. */
    private boolean handle(String raw) {
        while (running) {
            try {
                inbox.receive(link.node(), raw);
                return true;
            } catch (RuntimeException e) {
                LOG.warn("Applying a message from {} failed on this node's database; trying again", link.node(), e);
                sleep(settings.pollMillis());
            }
        }
        return false;
    }

    private static void commit(ClientSession session) throws ActiveMQException {
        try {
            session.commit();
        } catch (ActiveMQException e) {
            // the broker redelivers what this acknowledged; the inbox rows make the repeats change nothing
            LOG.debug("Acknowledgement not committed ({}): the messages come again", e.toString());
            session.rollback();
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
