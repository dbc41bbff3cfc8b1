package org.tongpao.core.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.ForwardingUnavailableException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.testing.TestOutbox;

class EventOutboxTest {
    private static final String TOPIC = "org/tongpao/test/CHANGED";
    private final TestDatabase db = new TestDatabase();
    private final DataSource ds = db.dataSource();

    {
        TestCore.migrate(ds);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private long rows(String where) {
        return Transactions.read(ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM tp_event_outbox WHERE " + where,
                List.of()));
    }

    @Test
    void aCommittedChangePublishesAfterCommitAndMarksItsRow() {
        TestOutbox outbox = new TestOutbox(ds);
        Transactions.write(ds, "test", c -> {
            outbox.record(c, TOPIC, Map.of("id", 7L, "code", "HB-WH-01"));
            assertThat(outbox.events()).isEmpty();
            return null;
        });
        assertThat(outbox.events()).singleElement().satisfies(e -> {
            assertThat(e.getTopic()).isEqualTo(TOPIC);
            assertThat(e.getProperty("id")).isEqualTo(7L);
            assertThat(e.getProperty("code")).isEqualTo("HB-WH-01");
        });
        assertThat(rows("id IN (SELECT id FROM tp_event_outbox_published)")).isEqualTo(1);
        assertThat(outbox.unpublished()).isZero();
    }

    @Test
    void anEventForACallerNamesItsActorAndRequestAndLeavesNullPropertiesOut() {
        TestOutbox outbox = new TestOutbox(ds);
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", 7L);
        properties.put("note", null);
        Transactions.write(ds, "test", c -> {
            outbox.record(c, Caller.of("wang.li", Set.of("ministry-admin"), "req-9"), TOPIC, properties);
            return null;
        });
        assertThat(outbox.events()).singleElement().satisfies(e -> {
            assertThat(e.getProperty("id")).isEqualTo(7L);
            assertThat(e.getProperty("actor")).isEqualTo("wang.li");
            assertThat(e.getProperty("requestId")).isEqualTo("req-9");
            assertThat(e.getPropertyNames()).doesNotContain("note");
        });
    }

    @Test
    void aRolledBackChangePublishesNothingAndLeavesNoRow() {
        TestOutbox outbox = new TestOutbox(ds);
        assertThatThrownBy(() -> Transactions.write(ds, "test", c -> {
            outbox.record(c, TOPIC, Map.of("id", 1L));
            throw new ConflictException("refused");
        })).isInstanceOf(ConflictException.class);
        assertThat(outbox.events()).isEmpty();
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void eventsLeftUnpublishedArePostedAtStartOldestFirst() {
        // a run without EventAdmin (or one that crashed after commit) leaves its rows unpublished
        JdbcEventOutbox first = new JdbcEventOutbox(ds, Runnable::run, null);
        for (long i = 1; i <= 3; i++) {
            long n = i;
            Transactions.write(ds, "test", c -> {
                first.record(c, TOPIC, Map.of("n", n, "at", "2026-12-06T21:00:00Z"));
                return null;
            });
        }
        assertThat(rows("id NOT IN (SELECT id FROM tp_event_outbox_published)")).isEqualTo(3);

        List<Event> posted = new ArrayList<>();
        JdbcEventOutbox next = new JdbcEventOutbox(ds, Runnable::run, null);
        next.bindEventAdmin(TestOutbox.recorder(posted));
        // numbers read back from JSON are Longs, as posted live
        assertThat(posted).extracting(e -> e.getProperty("n")).containsExactly(1L, 2L, 3L);
        assertThat(rows("id NOT IN (SELECT id FROM tp_event_outbox_published)")).isZero();

        next.replay();
        assertThat(posted).hasSize(3);
    }

    @Test
    void recordingNeedsARunningTransaction() throws Exception {
        TestOutbox outbox = new TestOutbox(ds);
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> outbox.record(c, TOPIC, Map.of())).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> Transactions.write(ds, "test", c -> {
            outbox.record(c, "not a topic!", Map.of());
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void aForwarderTakesItsTopicsInsideTheRecordingTransactionAndItsWritesRollBackWithIt() throws Exception {
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        Transactions.write(ds, "table", c -> Jdbc.update(c, "CREATE TABLE fwd (topic VARCHAR(100))", List.of()));
        List<String> seen = new ArrayList<>();
        outbox.bindEventForwarder((c, topic, props) -> {
            seen.add(topic);
            Jdbc.update(c, "INSERT INTO fwd (topic) VALUES (?)", Jdbc.args(topic));
        }, Map.of("event.topics", new String[] {"org/tongpao/test/*"}));
        Transactions.write(ds, "test", c -> {
            outbox.record(c, TOPIC, Map.of("id", 1L));
            outbox.record(c, "org/tongpao/other/CHANGED", Map.of("id", 2L));
            return null;
        });
        assertThat(seen).containsExactly(TOPIC);
        assertThatThrownBy(() -> Transactions.write(ds, "test", c -> {
            outbox.record(c, TOPIC, Map.of("id", 3L));
            throw new ConflictException("refused");
        })).isInstanceOf(ConflictException.class);
        long forwarded = Transactions.read(ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM fwd", List.of()));
        assertThat(forwarded).isEqualTo(1);
    }

    @Test
    void aForwarderThatFailsRefusesTheChange() {
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        outbox.bindEventForwarder((c, topic, props) -> {
            throw new IllegalStateException("cannot forward");
        }, Map.of("event.topics", TOPIC));
        assertThatThrownBy(() -> Transactions.write(ds, "test", c -> {
            outbox.record(c, TOPIC, Map.of("id", 1L));
            return null;
        })).hasMessage("cannot forward");
        assertThat(rows("1 = 1")).isZero();
    }

    /** The table a test forwarder writes, as federation's outbox would. */
    private EventForwarder intoTable() {
        Transactions.write(ds, "table", c -> Jdbc.update(c, "CREATE TABLE fwd (topic VARCHAR(100))", List.of()));
        return (c, topic, props) -> Jdbc.update(c, "INSERT INTO fwd (topic) VALUES (?)", Jdbc.args(topic));
    }

    private long forwarded() {
        return Transactions.read(ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM fwd", List.of()));
    }

    private void write(JdbcEventOutbox outbox, long id) {
        Transactions.write(ds, "test", c -> {
            outbox.record(c, TOPIC, Map.of("id", id));
            return null;
        });
    }

    @Test
    void withoutADeclarationAChangeRecordedWhileItsForwarderIsUnboundCommitsUnforwarded() {
        // the race of issue 11 (central one lot behind Hubei): what the outbox did before forwarders were declared
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        EventForwarder forwarder = intoTable();
        outbox.bindEventForwarder(forwarder, Map.of(EventForwarder.TOPICS, TOPIC));
        write(outbox, 1L);
        outbox.unbindEventForwarder(forwarder); // e.g. Federation re-activated, the bundle stopping
        write(outbox, 2L);
        outbox.bindEventForwarder(forwarder, Map.of(EventForwarder.TOPICS, TOPIC));
        assertThat(rows("1 = 1")).isEqualTo(2);
        assertThat(forwarded()).as("the second change is committed and never forwarded").isEqualTo(1);
    }

    @Test
    void aDeclaredTopicIsRefusedWhileItsForwarderIsUnboundAndNothingIsWritten() {
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        EventForwarder forwarder = intoTable();
        outbox.declareForwarded(77L, List.of("org/tongpao/test/*"));
        assertThatThrownBy(() -> Transactions.write(ds, "test", c -> {
            Jdbc.update(c, "INSERT INTO fwd (topic) VALUES ('the change itself')", List.of());
            outbox.record(c, TOPIC, Map.of("id", 1L));
            return null;
        })).isInstanceOfSatisfying(ForwardingUnavailableException.class, e -> {
            assertThat(e.topic()).isEqualTo(TOPIC);
            assertThat(e.retryAfterSeconds()).isPositive();
        });
        assertThat(rows("1 = 1")).isZero();
        assertThat(forwarded()).as("the change was rolled back with its event").isZero();
        // other topics are not held up
        Transactions.write(ds, "other", c -> {
            outbox.record(c, "org/tongpao/other/CHANGED", Map.of("id", 2L));
            return null;
        });
        // a forwarder declaring another pattern for the topic does not stand in for the declared one
        outbox.bindEventForwarder((c, topic, props) -> { }, Map.of(EventForwarder.TOPICS, TOPIC));
        assertThatThrownBy(() -> write(outbox, 3L)).isInstanceOf(ForwardingUnavailableException.class);
        outbox.bindEventForwarder(forwarder, Map.of(EventForwarder.TOPICS, new String[] {"org/tongpao/test/*"}));
        write(outbox, 4L);
        assertThat(forwarded()).isEqualTo(1);
        outbox.unbindEventForwarder(forwarder);
        assertThatThrownBy(() -> write(outbox, 5L)).isInstanceOf(ForwardingUnavailableException.class);
        assertThat(forwarded()).isEqualTo(1);
    }

    @Test
    void aWriteWaitsForTheForwarderThatIsOnItsWay() throws Exception {
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        EventForwarder forwarder = intoTable();
        outbox.declareForwarded(77L, List.of(TOPIC));
        outbox.forwarderWait(Duration.ofSeconds(30));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Thread> writing = new AtomicReference<>();
            Future<?> done = writer.submit(() -> {
                writing.set(Thread.currentThread());
                write(outbox, 1L);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> writing.get() != null
                    && writing.get().getState() == Thread.State.TIMED_WAITING);
            assertThat(done).isNotDone();
            outbox.bindEventForwarder(forwarder, Map.of(EventForwarder.TOPICS, TOPIC));
            done.get(10, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertThat(forwarded()).isEqualTo(1);
    }

    @Test
    void aWithdrawnDeclarationNoLongerHoldsWritesUp() {
        // the forwarder's bundle uninstalled: the node is no longer federated for that topic
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        outbox.declareForwarded(77L, List.of(TOPIC));
        assertThatThrownBy(() -> write(outbox, 1L)).isInstanceOf(ForwardingUnavailableException.class);
        outbox.declareForwarded(77L, List.of());
        write(outbox, 2L);
        assertThat(rows("1 = 1")).isEqualTo(1);
    }
}
