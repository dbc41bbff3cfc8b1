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
    /**
     * Marks a posted event published. An INSERT of a new key rather than an UPDATE of the outbox row: on Derby the
     * UPDATE scanned, and waited on, other transactions' uncommitted outbox rows (migration V2_10).
     */
    private static final String MARK = "INSERT INTO tp_event_outbox_published (id, published_at) VALUES (?, ?)";
    /** The outbox rows not marked published; a condition on {@code o.id} may follow. */
    static final String UNPUBLISHED_SELECT = "SELECT o.id, o.topic, o.properties FROM tp_event_outbox o WHERE NOT"
            + " EXISTS (SELECT 1 FROM tp_event_outbox_published p WHERE p.id = o.id)";
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
        List<Pending> rows = null;
        do {
            long after = rows == null || rows.isEmpty() ? 0 : rows.get(rows.size() - 1).id();
            rows = Transactions.read(ds, c -> Jdbc.query(c, UNPUBLISHED_SELECT + " AND o.id > ? ORDER BY o.id"
                    + " FETCH FIRST " + BATCH + " ROWS ONLY", List.of(after),
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
            rows.add(List.of(id, now));
        }
        try {
            // one statement text for every batch size, so the database compiles it once
            Transactions.write(ds, "outbox publish", c -> Jdbc.batch(c, MARK, rows));
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                // an event posted twice (a replay met its after-commit hand-over): mark the others one by one
                markEach(rows);
                return;
            }
            // posted but not marked: posted again at the next start (at least once)
            LOG.warn("Posted {} event(s) but could not mark them published", rows.size(), e);
        }
    }

    private void markEach(List<List<?>> rows) {
        for (List<?> row : rows) {
            try {
                Transactions.write(ds, "outbox publish", c -> Jdbc.update(c, MARK, row));
            } catch (RuntimeException e) {
                if (!Sql.isUniqueViolation(e)) {
                    LOG.warn("Posted event {} but could not mark it published", row.get(0), e);
                }
            }
        }
    }

    /** Deletes published rows older than {@code retention}; returns how many. */
    int purge(Duration retention) {
        Instant before = Sql.now().minus(retention);
        return Transactions.write(ds, "outbox purge", c -> {
            int deleted = Jdbc.update(c, "DELETE FROM tp_event_outbox WHERE id IN (SELECT id FROM "
                    + "tp_event_outbox_published WHERE published_at < ?)", Jdbc.args(before));
            Jdbc.update(c, "DELETE FROM tp_event_outbox_published WHERE published_at < ?", Jdbc.args(before));
            return deleted;
        });
    }

    private static Map<String, ?> parse(String json) {
        try {
            return PROPERTIES.readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable outbox properties " + json, e);
        }
    }
}
