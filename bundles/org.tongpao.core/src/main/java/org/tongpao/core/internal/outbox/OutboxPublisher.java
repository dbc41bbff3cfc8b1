package org.tongpao.core.internal.outbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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

    OutboxPublisher(DataSource ds, Executor executor, EventAdmin eventAdmin) {
        this.ds = ds;
        this.executor = executor;
        this.eventAdmin = new AtomicReference<>(eventAdmin);
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
        for (Pending p : batch) {
            admin.postEvent(p.event());
        }
        try {
            Transactions.write(ds, "outbox publish", c -> markPublished(c, batch));
        } catch (RuntimeException e) {
            // posted but not marked: posted again at the next start (at least once)
            LOG.warn("Posted {} event(s) but could not mark them published", batch.size(), e);
        }
        return true;
    }

    private static int markPublished(Connection c, List<Pending> batch) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE tp_event_outbox SET published_at = ? WHERE id IN (");
        List<Object> args = new ArrayList<>(batch.size() + 1);
        args.add(Sql.now());
        for (Pending p : batch) {
            sql.append(args.size() == 1 ? "?" : ", ?");
            args.add(p.id());
        }
        return Jdbc.update(c, sql.append(')').toString(), args);
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
