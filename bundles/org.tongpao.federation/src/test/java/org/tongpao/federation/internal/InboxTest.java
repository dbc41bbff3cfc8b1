package org.tongpao.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.AuditEntry;
import org.tongpao.core.persistence.ForwardingUnavailableException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;

/** Central's inbox over a real broker: exactly once, parking, refusing, failing handlers, visibility. */
class InboxTest implements TestCallers {
    private static final String UP = Nodes.upQueue("42");

    @TempDir
    static Path journal;
    private static TestBroker broker;
    private static TestNode central;
    /** Who applied what: the handlers' effect, written in the inbox's transaction. */
    private final List<Caller> senders = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new TestBroker(journal);
        central = new TestNode("central");
        central.execute("CREATE TABLE t_effect (message_id VARCHAR(80) PRIMARY KEY, n BIGINT NOT NULL)");
    }

    /** A fresh federation component (no handlers) on empty tables. */
    @BeforeEach
    void start() {
        for (String table : List.of("t_effect", "tp_fed_inbox", "tp_fed_parked", "tp_fed_outbox")) {
            central.execute("DELETE FROM " + table);
        }
        central.start(broker.url(), "42", "32");
    }

    @AfterEach
    void stop() {
        central.stop();
    }

    @AfterAll
    static void close() {
        central.close();
        broker.close();
    }

    @Test
    void aProvincesMessagesApplyOnceAsItsNodeAndCountOnItsLink() throws Exception {
        central.register("test.number", 1, recording(central.db.dataSource()));
        try (TestNode hubei = new TestNode("province:42").start(broker.url())) {
            for (int n = 1; n <= 50; n++) {
                hubei.send("central", "test.number", "1.0", Map.of("n", n));
            }
            await().until(() -> effects() == 50);
        }
        assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(50 * 51 / 2);
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_inbox WHERE sender = 'province:42'")).isEqualTo(50);
        Caller sender = senders.get(0);
        assertThat(sender.user()).isEqualTo("node:province:42");
        assertThat(sender.provinceCode()).isEqualTo("42");
        assertThat(sender.canWriteProvince("42")).isTrue();
        assertThat(sender.canWriteProvince("32")).isFalse();
        LinkStatus link = central.federation.links().stream().filter(l -> l.node().equals("province:42")).findFirst()
                .orElseThrow();
        assertThat(link.lastReceived()).isNotNull();
        assertThat(link.lagMillis()).isGreaterThanOrEqualTo(0);
        assertThat(link.connected()).isTrue();
        // after a restart the last arrival is read from the inbox
        central.start(broker.url(), "42", "32");
        assertThat(central.federation.links()).filteredOn(l -> l.node().equals("province:42"))
                .extracting(LinkStatus::lastReceived).containsExactly(link.lastReceived());
    }

    @Test
    void aRedeliveredMessageChangesNothing() throws Exception {
        central.register("test.number", 1, recording(central.db.dataSource()));
        String envelope = envelope("province:42/7", "test.number", "1.0", "province:42", "{\"n\":7}");
        // two broker messages (different duplicate ids) carrying one federation message: a redelivery
        broker.sendRaw(UP, envelope);
        broker.sendRaw(UP, envelope);
        broker.sendRaw(UP, envelope("province:42/8", "test.number", "1.0", "province:42", "{\"n\":8}"));

        await().until(() -> broker.depth(UP) == 0 && effects() == 2);
        assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(15);
        assertThat(senders).hasSize(2);
    }

    @Test
    void unknownTypesAndNewerMajorsWaitParkedUntilAHandlerArrives() throws Exception {
        central.register("test.number", 1, recording(central.db.dataSource()));
        broker.sendRaw(UP, envelope("province:42/1", "test.census", "1.0", "province:42", "{\"n\":1}"));
        broker.sendRaw(UP, envelope("province:42/2", "test.number", "2.0", "province:42", "{\"n\":2}"));
        await().until(() -> open() == 2);
        assertThat(central.federation.parked(ADMIN, null, null, ParkReason.NO_HANDLER, null, 50, null).items())
                .extracting(ParkedMessage::messageId).containsExactly("province:42/1");
        ParkedMessage newer = central.federation.parked(ADMIN, "province:42", "test.number", null, false, 50, null)
                .items().get(0);
        assertThat(newer.reason()).isEqualTo(ParkReason.NEWER_MAJOR);
        assertThat(newer.payload()).contains("\"version\":\"2.0\"");
        assertThat(central.federation.links()).filteredOn(l -> l.node().equals("province:42"))
                .extracting(LinkStatus::parked).containsExactly(2L);

        central.register("test.census", 1, recording(central.db.dataSource()));
        central.register("test.number", 2, recording(central.db.dataSource()));

        await().until(() -> open() == 0);
        assertThat(effects()).isEqualTo(2);
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_parked WHERE resolved_at IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void aNewerMinorWithFieldsThisNodeDoesNotKnowApplies() throws Exception {
        central.register("test.number", 1, recording(central.db.dataSource()));
        broker.sendRaw(UP, envelope("province:42/1", "test.number", "1.7", "province:42",
                "{\"n\":3,\"addedIn17\":{\"x\":[1,2]}}") .replace("\"body\"", "\"addedToTheEnvelope\":true,\"body\""));
        await().until(() -> effects() == 1);
        assertThat(open()).isZero();
    }

    @Test
    void aMessageClaimingAnotherProvinceIsRefusedAndAudited() throws Exception {
        central.register("test.number", 1, recording(central.db.dataSource()));
        broker.sendRaw(UP, envelope("province:32/1", "test.number", "1.0", "province:32", "{\"n\":1}"));
        broker.sendRaw(UP, "not json");
        broker.sendRaw(UP, envelope("province:42/big", "test.number", "1.0", "province:42", "{\"n\":1,\"x\":\""
                + "x".repeat(40_000) + "\"}"));
        broker.sendRaw(UP, envelope("province:42/" + "9".repeat(100), "test.number", "1.0", "province:42", "{\"n\":1}"));
        await().until(() -> open() == 4);

        assertThat(effects()).isZero();
        List<ParkedMessage> refused = central.federation.parked(ADMIN, null, null, ParkReason.REFUSED, null, 50, null)
                .items();
        assertThat(refused).extracting(ParkedMessage::link).containsOnly("province:42");
        assertThat(refused).extracting(ParkedMessage::error).contains("from province:32 on the link of province:42",
                "larger than 32600 characters", "id longer than 80");
        // parked under the link's name: a spoofed id never takes the real sender's place
        assertThat(refused.get(0).messageId()).isEqualTo("province:42!province:32/1");
        List<AuditEntry> audit = central.core.audit.list(ADMIN, Inbox.AUDIT_ENTITY, "province:32/1", null, 10, null)
                .items();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("REFUSED");
            assertThat(a.actor()).isEqualTo("node:province:42");
        });
        assertThatThrownBy(() -> central.federation.retry(ADMIN, refused.get(0).seq()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aFailingHandlerParksItsMessageWithoutItsEffectAndTheNextOnesApply() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        MessageHandler recording = recording(central.db.dataSource());
        central.register("test.number", 1, (m, sender) -> {
            recording.apply(m, sender);
            if (broken.get() && ((Number) m.body().get("n")).intValue() == 3) {
                throw new IllegalStateException("depot HB-WH-09 unknown");
            }
        });
        for (int n = 1; n <= 5; n++) {
            broker.sendRaw(UP, envelope("province:42/" + n, "test.number", "1.0", "province:42",
                    "{\"n\":" + n + "}"));
        }
        await().until(() -> effects() == 4 && open() == 1);
        assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(1 + 2 + 4 + 5);
        ParkedMessage failed = central.federation.parked(ADMIN, null, null, null, false, 50, null).items().get(0);
        assertThat(failed.reason()).isEqualTo(ParkReason.FAILED);
        assertThat(failed.error()).contains("IllegalStateException: depot HB-WH-09 unknown");

        assertThat(central.federation.retry(ADMIN, failed.seq()).attempts()).isEqualTo(2);
        broken.set(false);
        ParkedMessage retried = central.federation.retry(ADMIN, failed.seq());
        assertThat(retried.resolved()).isNotNull();
        assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(15);
    }

    @Test
    void aHandlerWhoseEventsCannotBeForwardedYetLeavesItsMessageUnacknowledgedNotParked() {
        // the node is starting: the outbox refuses the handler's events until their forwarder is bound
        AtomicBoolean forwarderBound = new AtomicBoolean(false);
        Handlers handlers = new Handlers();
        MessageHandler recording = recording(central.db.dataSource());
        handlers.add((MessageHandler) (m, sender) -> {
            recording.apply(m, sender);
            if (!forwarderBound.get()) {
                throw new ForwardingUnavailableException("org/tongpao/inventory/MOVEMENT",
                        "org/tongpao/inventory/MOVEMENT");
            }
        }, Map.of(MessageHandler.TYPE, "test.number"));
        Inbox inbox = new Inbox(central.db.dataSource(), handlers, central.core.audit, "central",
                java.time.Clock.systemUTC(), new LinkActivity());
        List<String> alone = List.of(envelope("province:42/f1", "test.number", "1.0", "province:42", "{\"n\":1}"));
        List<String> group = List.of(2, 3).stream().map(n -> envelope("province:42/f" + n, "test.number", "1.0",
                "province:42", "{\"n\":" + n + "}")).toList();

        assertThatThrownBy(() -> inbox.receiveAll("province:42", alone))
                .isInstanceOf(ForwardingUnavailableException.class);
        assertThatThrownBy(() -> inbox.receiveAll("province:42", group))
                .isInstanceOf(ForwardingUnavailableException.class);
        assertThat(effects()).isZero();
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_parked")).isZero();
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_inbox")).isZero();

        forwarderBound.set(true); // the redelivery, once the node is up, applies them
        inbox.receiveAll("province:42", alone);
        inbox.receiveAll("province:42", group);
        assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(6);
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_parked")).isZero();
    }

    @Test
    void aGroupThatArrivedTogetherCommitsOnceAndAFailureInItParksOnlyItsOwnMessage() {
        Handlers handlers = new Handlers();
        MessageHandler recording = recording(central.db.dataSource());
        handlers.add((MessageHandler) (m, sender) -> {
            recording.apply(m, sender);
            if (((Number) m.body().get("n")).intValue() == 2) {
                throw new IllegalStateException("bad line");
            }
        }, Map.of(MessageHandler.TYPE, "test.number"));
        Inbox inbox = new Inbox(central.db.dataSource(), handlers, central.core.audit, "central",
                java.time.Clock.systemUTC(), new LinkActivity());
        List<String> group = List.of(1, 3, 4).stream().map(n -> envelope("province:42/g" + n, "test.number", "1.0",
                "province:42", "{\"n\":" + n + "}")).toList();

        inbox.receiveAll("province:42", group);
        assertThat(effects()).isEqualTo(3);
        inbox.receiveAll("province:42", List.of(envelope("province:42/g5", "test.number", "1.0", "province:42",
                "{\"n\":5}"), envelope("province:42/g2", "test.number", "1.0", "province:42", "{\"n\":2}"),
                group.get(0)));

        assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(1 + 3 + 4 + 5);
        assertThat(central.federation.parked(ADMIN, null, null, ParkReason.FAILED, null, 50, null).items())
                .extracting(ParkedMessage::messageId).containsExactly("province:42/g2");
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_inbox")).isEqualTo(4);
    }

    @Test
    void aGroupResolvesAParkedMessageThatCameAgainAndAppliesAnIdItCarriesTwiceOnce() {
        Handlers handlers = new Handlers();
        Inbox inbox = new Inbox(central.db.dataSource(), handlers, central.core.audit, "central",
                java.time.Clock.systemUTC(), new LinkActivity());
        String parked = envelope("province:42/p1", "test.number", "1.0", "province:42", "{\"n\":1}");
        String applied = envelope("province:42/p2", "test.number", "1.0", "province:42", "{\"n\":2}");
        inbox.receiveAll("province:42", List.of(parked, envelope("province:42/p0", "test.other", "1.0", "province:42",
                "{\"n\":0}")));
        assertThat(open()).isEqualTo(2);
        handlers.add(recording(central.db.dataSource()), Map.of(MessageHandler.TYPE, "test.number"));

        // the broker redelivers the parked one beside a new one, which a resend carries twice
        inbox.receiveAll("province:42", List.of(applied, parked, applied,
                envelope("province:42/p3", "test.number", "1.0", "province:42", "{\"n\":3}")));

        assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(1 + 2 + 3);
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_inbox")).isEqualTo(3);
        assertThat(central.count("SELECT COUNT(*) FROM tp_fed_parked WHERE message_id = 'province:42/p1' "
                + "AND resolved_at IS NOT NULL")).isEqualTo(1);
        // the other parked message stays as it was: the group marks only its own
        assertThat(open()).isEqualTo(1);
        assertThat(central.count("SELECT attempts FROM tp_fed_parked WHERE message_id = 'province:42/p0'")).isEqualTo(1);
    }

    @Test
    void aMessageParkedWhileItsHandlerRegistersIsAppliedOnceTheParkCommits() {
        // the handler of test.census registers while the census message's park is still uncommitted (here: inside
        // the same group transaction), so the registration's own retry could not see the park; the inbox must
        // notice after its commit (a receipt lost this way at central's restart in a three-node run)
        Handlers handlers = new Handlers();
        Inbox inbox = new Inbox(central.db.dataSource(), handlers, central.core.audit, "central",
                java.time.Clock.systemUTC(), new LinkActivity());
        List<String> told = new CopyOnWriteArrayList<>();
        try (ParkedRetries retries = new ParkedRetries(central.db.dataSource(), inbox, handlers)) {
            inbox.onHandlerArrivedMeanwhile(type -> {
                told.add(type);
                retries.retryType(type);
            });
            MessageHandler census = recording(central.db.dataSource());
            handlers.add((MessageHandler) (m, sender) -> handlers.add(census,
                    Map.of(MessageHandler.TYPE, "test.census")), Map.of(MessageHandler.TYPE, "test.trigger"));

            inbox.receiveAll("province:42", List.of(
                    envelope("province:42/c1", "test.census", "1.0", "province:42", "{\"n\":7}"),
                    envelope("province:42/t1", "test.trigger", "1.0", "province:42", "{\"n\":0}")));

            assertThat(told).containsExactly("test.census");
            await().until(() -> open() == 0);
            assertThat(central.count("SELECT SUM(n) FROM t_effect")).isEqualTo(7);
            assertThat(central.count("SELECT COUNT(*) FROM tp_fed_inbox WHERE message_id = 'province:42/c1'"))
                    .isEqualTo(1);
        }
        // with no handler arriving, nobody is told (a park stays a park)
        inbox.receive("province:42", envelope("province:42/u1", "test.unknown", "1.0", "province:42", "{}"));
        assertThat(told).containsExactly("test.census");
    }

    @Test
    void theMinistryAndAuditorsSeeEveryLinkAProvinceOfficerOnlyItsOwn() {
        assertThat(central.federation.status(ADMIN).links()).hasSize(2);
        assertThat(central.federation.status(AUDITOR).links()).hasSize(2);
        assertThat(central.federation.status(JIANGSU).links()).extracting(LinkStatus::node)
                .containsExactly("province:32");
        assertThat(central.federation.status(ADMIN).state()).isIn(FederationStatus.CONNECTED,
                FederationStatus.DISCONNECTED);
        assertThatThrownBy(() -> central.federation.status(KEEPER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> central.federation.parked(JIANGSU, "province:42", null, null, null, 50, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** A handler that records the message's number under its id, through Transactions (joining the inbox's). */
    private MessageHandler recording(DataSource ds) {
        return (Message m, Caller sender) -> {
            Transactions.write(ds, "effect", c -> Jdbc.update(c, "INSERT INTO t_effect (message_id, n) VALUES (?, ?)",
                    Jdbc.args(m.id(), ((Number) m.body().get("n")).longValue())));
            senders.add(sender);
        };
    }

    private long effects() {
        return central.count("SELECT COUNT(*) FROM t_effect");
    }

    private long open() {
        return central.count("SELECT COUNT(*) FROM tp_fed_parked WHERE resolved_at IS NULL");
    }

    private static String envelope(String id, String type, String version, String from, String body) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"version\":\"" + version + "\",\"from\":\"" + from
                + "\",\"to\":\"central\",\"occurredAt\":\"2026-12-01T10:00:00Z\",\"queuedAt\":\"" + Instant.now()
                + "\",\"body\":" + body + "}";
    }
}
