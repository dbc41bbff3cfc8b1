package org.tongpao.core.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.core.testing.TestOutbox;

/**
 * Marking a committed event published must not wait on other transactions' uncommitted outbox rows (the cause
 * of the lock waits behind the flaky {@code ConcurrentWritesTest}): with every lock wait failing at once, a
 * write that commits while another transaction holds an outbox row of its own still gets its row marked.
 */
class OutboxMarkingLockTest {
    private static final String TOPIC = "org/tongpao/test/CHANGED";
    private final TestDatabase db = new TestDatabase();
    private final DataSource ds = db.dataSource();

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void markingDoesNotWaitOnAnotherTransactionsUncommittedEvent() throws Exception {
        TestCore.migrate(ds);
        List<Event> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, Runnable::run, TestOutbox.recorder(posted));
        // a few committed and marked events first, so the marking statement meets a table with rows in it
        for (long i = 0; i < 3; i++) {
            write(outbox, i);
        }
        db.shortLockTimeout();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> Transactions.write(ds, "open", c -> {
            outbox.record(c, TOPIC, Map.of("id", 100L));
            recorded.countDown();
            finish.await(30, TimeUnit.SECONDS);
            return null;
        }));
        try {
            assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
            write(outbox, 200L);
            assertThat(posted).extracting(e -> e.getProperty("id")).endsWith(200L);
        } finally {
            finish.countDown();
            open.get(30, TimeUnit.SECONDS);
        }
        // a marking that met the open transaction's lock gave up (logged): its row would stay unpublished
        assertThat(TestOutbox.unpublished(ds)).isZero();
        assertThat(posted).extracting(e -> e.getProperty("id")).containsExactly(0L, 1L, 2L, 200L, 100L);
    }

    @Test
    void anEventPostedTwiceIsMarkedOnceAndItsBatchWithIt() {
        TestCore.migrate(ds);
        List<Event> posted = new java.util.ArrayList<>();
        List<Runnable> later = new java.util.ArrayList<>();
        OutboxPublisher publisher = new OutboxPublisher(ds, Runnable::run, TestOutbox.recorder(posted), later::add);
        JdbcEventOutbox outbox = new JdbcEventOutbox(ds, publisher);
        write(outbox, 1L);
        write(outbox, 2L);
        long first = Transactions.read(ds, c -> org.tongpao.core.persistence.Jdbc.count(c,
                "SELECT MIN(id) FROM tp_event_outbox", List.of()));
        // a replay that read the row before its own after-commit hand-over arrived posts it a second time
        publisher.enqueue(new OutboxPublisher.Pending(first, posted.get(0)));
        assertThat(posted).hasSize(3);
        assertThat(later).hasSize(1);

        later.remove(0).run();
        assertThat(TestOutbox.unpublished(ds)).isZero();
    }

    private void write(JdbcEventOutbox outbox, long id) {
        Transactions.write(ds, "test", c -> {
            outbox.record(c, TOPIC, Map.of("id", id));
            return null;
        });
    }
}
