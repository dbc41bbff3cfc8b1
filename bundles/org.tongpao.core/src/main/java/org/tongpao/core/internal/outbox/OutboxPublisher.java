package org.tongpao.core.internal.outbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.internal.Json;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * Posts the outbox's events to EventAdmin on one executor (one thread in OSGi) and marks their rows
 * published, a batch at a time. Committed events arrive through {@link #enqueue}; {@link #replay} posts
 * what the table still holds unpublished (a crash between commit and post, or no EventAdmin then).
 * Events are posted at once, but their rows are marked a little later, many in one transaction: marking
 * each write's event on its own cost every write a second commit (a second log flush) and took the
 * service's write rate down by a third. A crash before the marking posts those events again at the next
 * start, which at-least-once delivery allows.
 */
final class OutboxPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    static final int BATCH = 200;
    private static final ObjectReader PROPERTIES = Json.mapper().reader()
            .with(DeserializationFeature.USE_LONG_FOR_INTS).forType(Map.class);

    /** A committed event (its outbox row's id) waiting to be posted. */
    record Pending(long id, Event event) {
    }

    private final DataSource ds;
    private final Executor executor;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<EventAdmin> eventAdmin;
    /** Posted, not yet marked published; touched on the executor's thread only. */
    private final List<Long> unmarked = new ArrayList<>();
    /** Runs the marking a little later on the executor's thread; null marks at once (tests). */
    private final Consumer<Runnable> markLater;
    private boolean markScheduled;

    OutboxPublisher(DataSource ds, Executor executor, EventAdmin eventAdmin) {
        this(ds, executor, eventAdmin, null);
    }

    /** With {@code markLater} running a task later on the executor's thread (e.g. {@link #after(ScheduledExecutorService)}). */
    OutboxPublisher(DataSource ds, Executor executor, EventAdmin eventAdmin, Consumer<Runnable> markLater) {
        this.ds = ds;
        this.executor = executor;
        this.eventAdmin = new AtomicReference<>(eventAdmin);
        this.markLater = markLater;
    }

    static final long MARK_DELAY_MILLIS = 250;

    /** Runs a task {@link #MARK_DELAY_MILLIS} later on {@code thread} (the publisher's own single thread). */
    static Consumer<Runnable> after(ScheduledExecutorService thread) {
        return task -> thread.schedule(task, MARK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A (new) EventAdmin: it gets the unpublished backlog. */
    void eventAdminArrived(EventAdmin admin) {
        eventAdmin.set(admin);
        executor.execute(this::replay);
    }

    /** {@code admin} went away (a replacement may already have arrived). */
    void eventAdminGone(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    void enqueue(Pending event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = queue.poll()) {
            batch.add(p);
            if (batch.size() == BATCH) {
                post(batch);
                batch.clear();
            }
        }
        post(batch);
    }

    /** Posts every unpublished row, oldest first (on the executor). */
    void replay() {
        markPublished();
        // what waits in memory is unpublished in the table too: post it once, from there
        queue.clear();
        List<Pending> rows;
        do {
            rows = Transactions.read(ds, c -> Jdbc.query(c, "SELECT id, topic, properties FROM tp_event_outbox"
                    + " WHERE published_at IS NULL ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY", List.of(),
                    rs -> new Pending(rs.getLong(1), new Event(rs.getString(2), parse(rs.getString(3))))));
            if (!rows.isEmpty()) {
                LOG.info("Posting {} event(s) left unpublished", rows.size());
            }
        } while (post(rows) && rows.size() == BATCH);
    }

    /** Posts {@code batch} and marks it published; false when there is no EventAdmin to post to. */
    private boolean post(List<Pending> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            LOG.debug("No EventAdmin: {} event(s) stay unpublished, first {}", batch.size(), batch.get(0).event().getTopic());
            return false;
        }
        List<Long> ids = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            admin.postEvent(p.event());
            ids.add(p.id());
        }
        if (markLater == null) {
            // marking at once: the batch's own ids (a direct executor may drain on several threads at a time)
            mark(ids);
            return true;
        }
        unmarked.addAll(ids);
        if (unmarked.size() >= BATCH) {
            markPublished();
        } else if (!markScheduled) {
            markScheduled = true;
            markLater.accept(this::markPublished);
        }
        return true;
    }

    /** Marks the posted rows published, in one transaction (on the executor's thread). */
    void markPublished() {
        markScheduled = false;
        List<Long> ids = new ArrayList<>(unmarked);
        unmarked.clear();
        mark(ids);
    }

    private void mark(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = Sql.now();
        List<List<?>> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            rows.add(List.of(now, id));
        }
        try {
            // one statement text for every batch size, so the database compiles it once
            Transactions.write(ds, "outbox publish",
                    c -> Jdbc.batch(c, "UPDATE tp_event_outbox SET published_at = ? WHERE id = ?", rows));
        } catch (RuntimeException e) {
            // posted but not marked: posted again at the next start (at least once)
            LOG.warn("Posted {} event(s) but could not mark them published", rows.size(), e);
        }
    }

    /** Deletes published rows older than {@code retention}; returns how many. */
    int purge(Duration retention) {
        return Transactions.write(ds, "outbox purge", c -> Jdbc.update(c,
                "DELETE FROM tp_event_outbox WHERE published_at IS NOT NULL AND published_at < ?",
                Jdbc.args(Sql.now().minus(retention))));
    }

    private static Map<String, ?> parse(String json) {
        try {
            return PROPERTIES.readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable outbox properties " + json, e);
        }
    }
}
