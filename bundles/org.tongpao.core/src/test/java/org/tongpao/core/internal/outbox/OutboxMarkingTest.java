package org.tongpao.core.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;

/** Events are posted at once; their rows are marked published later, many in one transaction. */
class OutboxMarkingTest {
    private final TestDatabase db = new TestDatabase();
    private final DataSource ds = db.dataSource();
    private final List<Event> posted = new ArrayList<>();
    /** The marking tasks the publisher asked to run later, run by the test when it chooses. */
    private final List<Runnable> later = new ArrayList<>();
    private final OutboxPublisher publisher;
    private final JdbcEventOutbox outbox;

    OutboxMarkingTest() {
        TestCore.migrate(ds);
        publisher = new OutboxPublisher(ds, Runnable::run, null, later::add);
        publisher.eventAdminArrived(new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        });
        outbox = new JdbcEventOutbox(ds, publisher);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private long unpublished() {
        return Transactions.read(ds, c -> Jdbc.count(c,
                "SELECT COUNT(*) FROM tp_event_outbox o WHERE NOT EXISTS (SELECT 1 FROM tp_event_outbox_published p "
                        + "WHERE p.id = o.id)", List.of()));
    }

    private void write(long id) {
        Transactions.write(ds, "test", c -> {
            outbox.record(c, "org/tongpao/test/CHANGED", Map.of("id", id));
            return null;
        });
    }

    @Test
    void postsAtOnceAndMarksManyRowsInOneLaterStep() {
        write(1);
        write(2);
        write(3);

        assertThat(posted).extracting(e -> e.getProperty("id")).containsExactly(1L, 2L, 3L);
        assertThat(unpublished()).isEqualTo(3);
        assertThat(later).as("one marking step scheduled for all three").hasSize(1);

        later.remove(0).run();
        assertThat(unpublished()).isZero();

        write(4);
        assertThat(later).as("the next event schedules the next step").hasSize(1);
        assertThat(unpublished()).isEqualTo(1);
    }

    @Test
    void aFullBatchIsMarkedWithoutWaiting() {
        for (long id = 1; id <= OutboxPublisher.BATCH; id++) {
            write(id);
        }
        assertThat(posted).hasSize(OutboxPublisher.BATCH);
        assertThat(unpublished()).isZero();
    }

    @Test
    void aReplayMarksWhatWasPostedFirstSoNothingIsPostedTwice() {
        write(1);
        write(2);
        publisher.replay();
        assertThat(posted).hasSize(2);
        assertThat(unpublished()).isZero();
    }
}
