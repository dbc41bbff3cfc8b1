package org.tongpao.federation.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One link's consumer thread: takes the messages of the link's incoming queue in a transacted session, hands them
 * to the {@link Inbox} as they come (up to the batch size at a time, which commits them to the database first) and
 * acknowledges them to the broker in groups of at most {@code batchSize}, or as soon as the queue is empty. A message
 * acknowledged late comes again after a crash and finds its inbox row. When this node's database fails, the message is tried again here (not given back to the
 * broker, whose delivery count it would raise) until it succeeds or the link stops.
 */
final class LinkConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkConsumer.class);
    /**
     * The most messages applied in one database transaction when they arrive together (a backlog): as many as the
     * broker acknowledges at once (the batch size, at most this), so a backlog costs one commit per batch. The locks
     * a group holds are its own province's (its depots' replica rows, their summaries folded last), so a longer group
     * makes only readers of that province wait longer, at most one group's time.
     */
    static final int GROUP = Settings.MAX_BATCH;

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
        int group = Math.min(GROUP, settings.batchSize());
        int unacknowledged = 0;
        while (running) {
            ClientMessage first = consumer.receive(settings.pollMillis());
            if (first == null) {
                continue;
            }
            List<String> raws = new ArrayList<>(group);
            for (ClientMessage m = first; m != null; m = raws.size() < group ? consumer.receiveImmediate() : null) {
                m.acknowledge();
                raws.add(BatchSender.text(m));
            }
            if (!handle(raws)) {
                // stopping before this node's database took the messages: the broker keeps them
                session.rollback();
                return;
            }
            unacknowledged += raws.size();
            // a short group means the queue is empty for now: acknowledge what was applied
            if (raws.size() < group || unacknowledged >= settings.batchSize()) {
                commit(session);
                unacknowledged = 0;
            }
        }
        if (unacknowledged > 0) {
            commit(session);
        }
    }

    /** Hands messages to the inbox, again while this node's database fails; false when stopped first. */
    private boolean handle(List<String> raws) {
        while (running) {
            try {
                inbox.receiveAll(link.node(), raws);
                return true;
            } catch (RuntimeException e) {
                LOG.warn("Applying messages from {} failed on this node's database; trying again", link.node(), e);
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
