package org.tongpao.core.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.core.testing.TestOutbox;

/** The retention purge deletes published events only, those older than the retention. */
class OutboxPurgeTest {

    private static void record(DataSource ds, JdbcEventOutbox outbox, String topic) {
        Transactions.write(ds, "test", c -> {
            outbox.record(c, topic, Map.of());
            return null;
        });
    }

    @Test
    void deletesPublishedEventsOlderThanTheRetentionAndKeepsUnpublishedOnes() {
        try (TestDatabase db = new TestDatabase()) {
            DataSource ds = db.dataSource();
            TestCore.migrate(ds);
            List<Event> posted = new ArrayList<>();
            record(ds, new JdbcEventOutbox(ds, Runnable::run, TestOutbox.recorder(posted)), "org/tongpao/test/POSTED");
            record(ds, new JdbcEventOutbox(ds, Runnable::run, null), "org/tongpao/test/WAITING");
            OutboxPublisher publisher = new OutboxPublisher(ds, Runnable::run, null);

            assertThat(publisher.purge(Duration.ofDays(30))).isZero();
            // a retention reaching into the future makes every published row old enough
            assertThat(publisher.purge(Duration.ofDays(-1))).isEqualTo(1);
            List<String> left = Transactions.read(ds, c -> Jdbc.query(c, "SELECT topic FROM tp_event_outbox",
                    List.of(), rs -> rs.getString(1)));
            assertThat(left).containsExactly("org/tongpao/test/WAITING");
            assertThat(posted).hasSize(1);
        }
    }
}
