package org.tongpao.core.internal.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.internal.CoreSchema;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.internal.DaemonThreads;
import org.tongpao.core.internal.Json;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.ForwardingUnavailableException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * The outbox: {@link #record} is one INSERT into {@code tp_event_outbox} in the caller's transaction plus
 * an after-commit hook that hands the event to the one {@link OutboxPublisher} thread. At activation the
 * publisher first posts what an earlier run left unpublished. Published rows are kept for
 * {@code publishedRetentionDays} (0, the default: for ever, since federation will ship them).
 * <p>
 * Forwarders are bound dynamically, so an event could be recorded while the forwarder that must take it is not
 * there (its bundle starting or stopping, its {@code Federation} reference not yet satisfied) and the change would
 * commit unforwarded: a stock posting central never gets. Fail-closed instead: the topics installed bundles declare
 * ({@code @EventTopics}, {@link RequiredForwarding}) must each be taken by a bound forwarder declaring the same
 * pattern; {@link #record} waits up to {@code forwarderWaitMillis} for one and then refuses with a
 * {@link ForwardingUnavailableException} (503, the change rolled back).
 */
@Component(service = EventOutbox.class, configurationPid = "org.tongpao.core.outbox")
@Designate(ocd = JdbcEventOutbox.Config.class)
public class JdbcEventOutbox implements EventOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventOutbox.class);

    @ObjectClassDefinition(name = "Tongpao event outbox")
    public @interface Config {
        @AttributeDefinition(description = "Delete published events older than this many days (checked every"
                + " 6 hours); 0 keeps them")
        int publishedRetentionDays() default 0;

        @AttributeDefinition(description = "How long a write waits for the forwarder of an event that must be"
                + " forwarded (node starting or stopping) before it is refused with a 503")
        long forwarderWaitMillis() default 5000;
    }

    private final DataSource ds;
    private final OutboxPublisher publisher;
    private final ScheduledExecutorService thread;
    private final List<Forwarding> forwarders = new CopyOnWriteArrayList<>();
    /** Signalled when a forwarder is bound or a declaration changes. */
    private final Object forwardersChanged = new Object();
    private final RequiredForwarding required = new RequiredForwarding(this::forwardersChanged);
    private final BundleTracker<Long> declarations;
    private volatile long forwarderWaitMillis;

    /** A forwarder and the topics it takes (exact, or a prefix from {@code prefix/*}). */
    private record Forwarding(EventForwarder forwarder, List<String> topics) {
        boolean takes(String topic) {
            return topics.stream().anyMatch(t -> RequiredForwarding.matches(t, topic));
        }
    }

    @Activate
    public JdbcEventOutbox(@Reference(target = "(" + SchemaReady.PROPERTY + "=" + CoreSchema.NAME + ")")
            SchemaReady schema, Config config, BundleContext context) {
        this.ds = schema.dataSource();
        this.forwarderWaitMillis = Math.max(0, config.forwarderWaitMillis());
        // opened before this service is registered: no event is recorded before the declarations are known
        this.declarations = new BundleTracker<>(context, RequiredForwarding.STATES, required);
        declarations.open();
        this.thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tongpao-event-outbox"));
        this.publisher = new OutboxPublisher(ds, thread, null, OutboxPublisher.after(thread));
        int days = config.publishedRetentionDays();
        if (days > 0) {
            thread.scheduleWithFixedDelay(() -> purge(Duration.ofDays(days)), 0, 6, TimeUnit.HOURS);
        }
    }

    /** An outbox posting through {@code executor} to {@code eventAdmin} (may be null), for tests. */
    public JdbcEventOutbox(DataSource ds, Executor executor, EventAdmin eventAdmin) {
        this(ds, new OutboxPublisher(ds, executor, eventAdmin));
    }

    /** An outbox handing its events to {@code publisher}, for tests. */
    JdbcEventOutbox(DataSource ds, OutboxPublisher publisher) {
        this.ds = ds;
        this.thread = null;
        this.publisher = publisher;
        this.declarations = null;
    }

    /**
     * For tests: {@code declarer} (standing for an installed bundle) declares {@code topics} that must be forwarded;
     * an empty list withdraws its declaration (the bundle uninstalled).
     */
    public void declareForwarded(long declarer, List<String> topics) {
        if (topics.isEmpty()) {
            required.withdraw(declarer);
        } else {
            required.declare(declarer, topics);
        }
    }

    /** For tests: how long {@link #record} waits for a missing forwarder (0 by default in tests). */
    public void forwarderWait(Duration wait) {
        this.forwarderWaitMillis = wait.toMillis();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin admin) {
        publisher.eventAdminArrived(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        publisher.eventAdminGone(admin);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindEventForwarder(EventForwarder forwarder, Map<String, Object> properties) {
        Object topics = properties.get(EventForwarder.TOPICS);
        List<String> list = topics instanceof String[] a ? List.of(a)
                : topics instanceof String t ? List.of(t) : List.of();
        forwarders.add(new Forwarding(forwarder, list));
        forwardersChanged();
    }

    public void unbindEventForwarder(EventForwarder forwarder) {
        forwarders.removeIf(f -> f.forwarder() == forwarder);
    }

    private void forwardersChanged() {
        synchronized (forwardersChanged) {
            forwardersChanged.notifyAll();
        }
    }

    /** A declared pattern taking {@code topic} that no bound forwarder declares, or null when all are bound. */
    private String unboundPattern(String topic) {
        for (String pattern : required.patternsFor(topic)) {
            if (forwarders.stream().noneMatch(f -> f.topics().contains(pattern))) {
                return pattern;
            }
        }
        return null;
    }

    /** Waits (bounded) until every forwarder {@code topic} requires is bound; else refuses the change. */
    private void awaitForwarders(String topic) {
        String missing = unboundPattern(topic);
        if (missing == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(forwarderWaitMillis);
        synchronized (forwardersChanged) {
            while ((missing = unboundPattern(topic)) != null) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    LOG.warn("Refused an event of {}: no forwarder for {} is bound (node starting or stopping?)",
                            topic, missing);
                    throw new ForwardingUnavailableException(topic, missing);
                }
                try {
                    forwardersChanged.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ForwardingUnavailableException(topic, missing);
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        if (declarations != null) {
            declarations.close();
        }
        if (thread != null) {
            // mark what was posted; events not yet posted stay unpublished in the table, the next start posts them
            try {
                thread.submit(publisher::markPublished).get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
                LOG.warn("Could not mark the last posted events published; the next start posts them again", e);
            }
            thread.shutdownNow();
        }
    }

    /** Posts what the table holds unpublished, oldest first (what activation does once EventAdmin is there). */
    public void replay() {
        publisher.replay();
    }

    @Override
    public void record(Connection connection, String topic, Map<String, ?> properties) {
        try {
            // the Event checks the topic's syntax now, not on the publisher's thread
            Event event = new Event(topic, properties);
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("EventOutbox.record needs the connection of a running transaction");
            }
            awaitForwarders(topic);
            long id = Jdbc.insert(connection,
                    "INSERT INTO tp_event_outbox (topic, properties, recorded_at) VALUES (?, ?, ?)",
                    Jdbc.args(topic, Json.write(properties), Sql.now()));
            for (Forwarding f : forwarders) {
                if (f.takes(topic)) {
                    f.forwarder().recorded(connection, topic, properties);
                }
            }
            OutboxPublisher.Pending pending = new OutboxPublisher.Pending(id, event);
            Transactions.afterCommit(() -> publisher.enqueue(pending));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DataAccessException("Recording event " + topic + " failed: " + e.getMessage(), e);
        }
    }

    private void purge(Duration retention) {
        try {
            int deleted = publisher.purge(retention);
            LOG.info("Deleted {} published event(s) older than {}", deleted, retention);
        } catch (RuntimeException e) {
            LOG.warn("Purging published events failed; next try in 6 hours", e);
        }
    }
}
