package org.tongpao.federation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.persistence.Transactions;

/**
 * The one thread that moves the outbox to the broker: the oldest unsent rows (by the unsent flag), a transacted
 * batch of at most {@code batchSize}, marked sent only after the broker acknowledged the commit. Woken after each
 * committing {@code send}, and every {@code pollMillis} anyway (a wake-up lost in a crash, rows queued while the
 * broker was away). While the broker is away it keeps trying; the backlog waits in the outbox.
 */
final class Relay implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    static final int PRUNE_CHUNK = 1000;

    private final DataSource ds;
    private final BrokerLink broker;
    private final Topology topology;
    private final Settings settings;
    private final Clock clock;
    private final LinkActivity activity;
    /** Housekeeping run when idle, at most hourly by its own reckoning (the inbox's retention). */
    private final Runnable idleChore;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong passes = new AtomicLong();
    private volatile boolean running = true;
    private Instant lastPrune;
    private BatchSender sender;

    Relay(DataSource ds, BrokerLink broker, Topology topology, Settings settings, Clock clock, LinkActivity activity) {
        this(ds, broker, topology, settings, clock, activity, () -> { });
    }

    Relay(DataSource ds, BrokerLink broker, Topology topology, Settings settings, Clock clock, LinkActivity activity,
            Runnable idleChore) {
        this.idleChore = idleChore;
        this.ds = ds;
        this.broker = broker;
        this.topology = topology;
        this.settings = settings;
        this.clock = clock;
        this.activity = activity;
    }

    /** Something was queued: look now rather than at the next poll. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    void stop() {
        running = false;
        wake();
    }

    /** How many passes over the outbox ran (or failed), for tests that wait for the relay to have looked. */
    long passes() {
        return passes.get();
    }

    @Override
    public void run() {
        LOG.info("Relay of {} to {} started", topology.self(), broker.broker());
        while (running) {
            int sent = 0;
            try {
                sent = runOnce();
            } catch (ActiveMQException e) {
                LOG.debug("Relay: broker unavailable ({}); retrying", e.toString());
                closeSender();
                pause(BrokerLink.RETRY_MILLIS);
            } catch (RuntimeException e) {
                LOG.warn("Relay pass failed; retrying", e);
                pause(settings.pollMillis());
            } finally {
                passes.incrementAndGet();
            }
            if (sent == 0 && running) {
                pruneNowAndThen();
                idleChore.run();
                pause(settings.pollMillis());
            }
        }
        closeSender();
        LOG.info("Relay of {} stopped", topology.self());
    }

    /** One batch: read, send, mark; returns how many rows it sent (0: nothing to send). */
    int runOnce() throws ActiveMQException {
        List<OutboxRows.Row> rows = next();
        if (rows.isEmpty()) {
            return 0;
        }
        send(rows);
        markSent(rows);
        return rows.size();
    }

    /**
     * At most once an hour, when idle: deletes the rows sent more than {@code keepSentDays} ago (the broker holds
     * them; only the unsent ones are the store-and-forward buffer), a thousand per transaction.
     */
    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (settings.keepSentDays() == 0 || lastPrune != null && lastPrune.plus(Duration.ofHours(1)).isAfter(now)) {
            return;
        }
        lastPrune = now;
        try {
            int deleted = pruneSentBefore(now.minus(Duration.ofDays(settings.keepSentDays())));
            if (deleted > 0) {
                LOG.info("Deleted {} outbox row(s) sent more than {} day(s) ago", deleted, settings.keepSentDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting old sent outbox rows failed; trying again in an hour", e);
        }
    }

    /** Deletes every row sent before {@code before}; returns how many. */
    int pruneSentBefore(Instant before) {
        return ChunkedDelete.run(ds, "federation outbox prune", PRUNE_CHUNK,
                c -> OutboxRows.pruneSent(c, before, PRUNE_CHUNK), () -> running);
    }

    /** The oldest unsent rows to this node's links, at most one batch. */
    List<OutboxRows.Row> next() {
        Set<String> recipients = topology.links().stream().map(Topology.Link::node).collect(Collectors.toSet());
        return Transactions.read(ds, c -> OutboxRows.unsent(c, recipients, settings.batchSize()));
    }

    /** Sends {@code rows} in one transaction; returns once the broker holds them all. */
    void send(List<OutboxRows.Row> rows) throws ActiveMQException {
        if (sender == null) {
            sender = new BatchSender(broker.session());
        }
        List<BatchSender.Outgoing> batch = new ArrayList<>(rows.size());
        for (OutboxRows.Row r : rows) {
            String id = topology.self() + "/" + r.id();
            String queue = topology.link(r.recipient()).orElseThrow().outQueue();
            batch.add(new BatchSender.Outgoing(id, queue, r.type(), Envelope.write(id, r.type(), r.version(),
                    topology.self(), r.recipient(), r.occurredAt(), r.queuedAt(), r.body())));
        }
        sender.send(batch);
    }

    private void markSent(List<OutboxRows.Row> rows) {
        List<Long> ids = rows.stream().map(OutboxRows.Row::id).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Transactions.write(ds, "federation relay mark sent", c -> {
            OutboxRows.markSent(c, ids, now);
            return null;
        });
        rows.stream().map(OutboxRows.Row::recipient).distinct().forEach(node -> activity.sent(node, now));
        LOG.debug("Relay sent {} message(s), last id {}", ids.size(), ids.get(ids.size() - 1));
    }

    private void pause(long millis) {
        try {
            if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void closeSender() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }
}
