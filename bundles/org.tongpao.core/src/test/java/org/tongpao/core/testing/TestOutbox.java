package org.tongpao.core.testing;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tongpao.core.internal.outbox.JdbcEventOutbox;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.EventForwarder;

/**
 * The real outbox on a test database (core's schema migrated, e.g. by {@link TestCore}), posting at once on
 * the committing thread to an EventAdmin that keeps every event, so a test reads {@link #events()} right
 * after the call: a committed change shows its events, a rolled-back one none.
 */
public final class TestOutbox implements EventOutbox {
    private final DataSource ds;
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final JdbcEventOutbox outbox;

    public TestOutbox(DataSource ds) {
        this.ds = ds;
        this.outbox = new JdbcEventOutbox(ds, Runnable::run, recorder(posted));
    }

    /** An EventAdmin that keeps what is posted (or sent) to it in {@code into}. */
    public static EventAdmin recorder(List<Event> into) {
        return new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                into.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                into.add(event);
            }
        };
    }

    @Override
    public void record(Connection connection, String topic, Map<String, ?> properties) {
        outbox.record(connection, topic, properties);
    }

    /** Hands the events of {@code topics} (exact, or {@code prefix/*}) to {@code forwarder} as they are recorded. */
    public void forward(EventForwarder forwarder, String... topics) {
        outbox.bindEventForwarder(forwarder, Map.of(EventForwarder.TOPICS, topics));
    }

    /** Every event posted so far, in order. */
    public List<Event> events() {
        return List.copyOf(posted);
    }

    /** The events posted so far whose topic starts with {@code topicPrefix}, in order. */
    public List<Event> events(String topicPrefix) {
        List<Event> out = new ArrayList<>();
        for (Event e : posted) {
            if (e.getTopic().startsWith(topicPrefix)) {
                out.add(e);
            }
        }
        return out;
    }

    public void clear() {
        posted.clear();
    }

    /** Rows of the outbox table not (yet) marked published. */
    public long unpublished() {
        return unpublished(ds);
    }

    /** Rows of the outbox table on {@code ds} not (yet) marked published. */
    public static long unpublished(DataSource ds) {
        return Transactions.read(ds, c -> Jdbc.count(c,
                "SELECT COUNT(*) FROM tp_event_outbox o WHERE NOT EXISTS (SELECT 1 FROM tp_event_outbox_published p "
                        + "WHERE p.id = o.id)", List.of()));
    }
}
