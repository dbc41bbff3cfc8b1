package org.tongpao.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.MovableClock;
import org.tongpao.federation.MessageHandler;

/**
 * The inbox's retention on a real database, time moved by a {@link MovableClock}: old rows go, the ids dedup still
 * needs stay (a posting redelivered after the purge counts once), a newer-wins snapshot's id is forgotten, parked
 * messages and a link's latest row are never touched, and it runs at most once an hour.
 */
class InboxRetentionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final TestNode central = new TestNode("central");
    private final MovableClock clock = new MovableClock(T0);
    private final Handlers handlers = new Handlers();
    private final AtomicInteger keepDays = new AtomicInteger(30);
    private final Inbox inbox;
    private final InboxRetention retention;

    InboxRetentionTest() {
        central.execute("CREATE TABLE t_applied (message_id VARCHAR(80) NOT NULL)");
        MessageHandler counting = (m, sender) -> Transactions.write(central.db.dataSource(), "effect",
                c -> Jdbc.update(c, "INSERT INTO t_applied (message_id) VALUES (?)", Jdbc.args(m.id())));
        handlers.add(counting, Map.of(MessageHandler.TYPE, "test.posting"));
        handlers.add(counting, Map.of(MessageHandler.TYPE, "test.snapshot", MessageHandler.REDELIVERY,
                MessageHandler.NEWER_WINS));
        inbox = new Inbox(central.db.dataSource(), handlers, central.core.audit, "central", clock, new LinkActivity());
        retention = new InboxRetention(central.db.dataSource(), handlers, clock, keepDays::get);
    }

    @AfterEach
    void close() {
        central.close();
    }

    private Inbox.Outcome receive(String link, String id, String type) {
        return inbox.receive(link, "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"version\":\"1.0\",\"from\":\""
                + link + "\",\"to\":\"central\",\"occurredAt\":\"" + clock.instant() + "\",\"body\":{}}");
    }

    private long applied(String id) {
        return central.count("SELECT COUNT(*) FROM t_applied WHERE message_id = '" + id + "'");
    }

    private List<String> ids(String table) {
        return Transactions.read(central.db.dataSource(), c -> Jdbc.query(c, "SELECT message_id FROM " + table
                + " ORDER BY message_id", List.of(), rs -> rs.getString(1)));
    }

    @Test
    void oldRowsGoTheIdsDedupNeedsStayAndARedeliveredPostingStillCountsOnce() {
        receive("province:42", "province:42/1", "test.posting");
        receive("province:42", "province:42/2", "test.snapshot");
        assertThat(receive("province:42", "province:42/3", "test.unhandled")).isEqualTo(Inbox.Outcome.PARKED);
        receive("province:32", "province:32/1", "test.posting"); // Jiangsu's only (so latest) message
        clock.now = T0.plus(Duration.ofDays(20));
        receive("province:42", "province:42/4", "test.posting");

        clock.now = T0.plus(Duration.ofDays(31));
        retention.runNowAndThen();

        assertThat(ids("tp_fed_inbox")).containsExactly("province:32/1", "province:42/4");
        assertThat(ids("tp_fed_inbox_key")).as("only the posting's id; the snapshot's is forgotten")
                .containsExactly("province:42/1");
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_parked WHERE message_id = 'province:42/3' "
                + "AND resolved_at IS NULL")).isEqualTo(1);
        // a year-old copy arrives again: the posting counts once; the snapshot is left to its contract (newer wins)
        assertThat(receive("province:42", "province:42/1", "test.posting")).isEqualTo(Inbox.Outcome.DUPLICATE);
        assertThat(applied("province:42/1")).isEqualTo(1);
        assertThat(receive("province:42", "province:42/2", "test.snapshot")).isEqualTo(Inbox.Outcome.APPLIED);
        // and a link's status still has its last arrival
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_inbox WHERE sender = 'province:32'")).isEqualTo(1);
    }

    @Test
    void aSnapshotTypeWhoseHandlerIsGoneKeepsItsIdAndNothingRunsWhenRetentionIsOff() {
        receive("province:42", "province:42/1", "test.snapshot");
        receive("province:42", "province:42/2", "test.posting");
        clock.now = T0.plus(Duration.ofDays(1));
        receive("province:42", "province:42/3", "test.posting");
        keepDays.set(0);
        clock.now = T0.plus(Duration.ofDays(400));
        retention.runNowAndThen();
        assertThat(ids("tp_fed_inbox")).hasSize(3);

        keepDays.set(30);
        handlers.remove(handlers.find("test.snapshot", 1).handler(), Map.of(MessageHandler.TYPE, "test.snapshot"));
        retention.runNowAndThen();
        assertThat(ids("tp_fed_inbox")).containsExactly("province:42/3");
        assertThat(ids("tp_fed_inbox_key")).as("no handler declares newer-wins now: keep the id")
                .containsExactly("province:42/1", "province:42/2");
    }

    @Test
    void itRunsAtMostOnceAnHour() {
        clock.now = T0.plus(Duration.ofDays(40));
        retention.runNowAndThen();
        receive("province:42", "province:42/1", "test.posting");
        receive("province:42", "province:42/2", "test.posting");
        central.execute("UPDATE tp_fed_inbox SET received_at = {ts '2026-01-01 00:00:00'} "
                + "WHERE message_id = 'province:42/1'");

        clock.now = clock.now.plus(Duration.ofMinutes(59));
        retention.runNowAndThen();
        assertThat(ids("tp_fed_inbox")).hasSize(2);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        retention.runNowAndThen();
        assertThat(ids("tp_fed_inbox")).containsExactly("province:42/2");
        assertThat(ids("tp_fed_inbox_key")).containsExactly("province:42/1");
    }
}
