package org.tongpao.federation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running link(s) of a configured node: the broker connection, the relay thread, one consumer thread per link. */
final class LinkRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkRuntime.class);
    private static final long JOIN_MILLIS = 10_000;

    private final BrokerLink broker;
    private final Relay relay;
    private final List<LinkConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    LinkRuntime(DataSource ds, Topology topology, Settings settings, Inbox inbox, Clock clock, LinkActivity activity,
            InboxRetention retention) {
        broker = new BrokerLink(settings);
        relay = new Relay(ds, broker, topology, settings, clock, activity, retention::runNowAndThen);
        threads.add(daemon(relay, "tongpao-federation-relay"));
        for (Topology.Link link : topology.links()) {
            LinkConsumer consumer = new LinkConsumer(link, broker, inbox, settings);
            consumers.add(consumer);
            threads.add(daemon(consumer, "tongpao-federation-in-" + link.node()));
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    void wakeRelay() {
        relay.wake();
    }

    Relay relay() {
        return relay;
    }

    boolean connected() {
        return broker.connected();
    }

    String problem() {
        return broker.problem();
    }

    @Override
    public void close() {
        relay.stop();
        consumers.forEach(LinkConsumer::stop);
        broker.close();
        for (Thread t : threads) {
            try {
                t.join(JOIN_MILLIS);
                if (t.isAlive()) {
                    LOG.warn("{} did not stop within {} ms", t.getName(), JOIN_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
