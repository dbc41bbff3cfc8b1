package org.tongpao.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.LinkStatus;

/** {@code Federation.send} without a broker: the outbox row, its checks, the transaction it belongs to; LedgerOwners. */
class SendTest {
    private static TestNode central;
    private static TestNode hubei;

    @BeforeAll
    static void nodes() {
        central = new TestNode("central").start(null, "42", "32");
        hubei = new TestNode("province:42").start(null, "11");
    }

    @AfterEach
    void emptyOutboxes() {
        hubei.execute("DELETE FROM tp_fed_outbox");
        central.execute("DELETE FROM tp_fed_outbox");
    }

    @AfterAll
    static void close() {
        central.close();
        hubei.close();
    }

    @Test
    void sendQueuesOneRowNamedByTheNodeAndItsId() {
        String id = hubei.send("central", "stock.posting", "1.0", Map.of("depot", "HB-WH-01", "quantity", 5));

        assertThat(id).matches("province:42/\\d+");
        assertThat(hubei.count("SELECT COUNT(*) FROM tp_fed_outbox WHERE recipient = 'central' AND sent_at IS NULL"))
                .isEqualTo(1);
        LinkStatus link = hubei.federation.links().get(0);
        assertThat(link.node()).isEqualTo("central");
        assertThat(link.connected()).isFalse();
        assertThat(link.backlog()).isEqualTo(1);
        assertThat(link.oldestUnsent()).isNotNull();
        assertThat(link.lagMillis()).isEqualTo(-1);
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        assertThatThrownBy(() -> Transactions.write(hubei.db.dataSource(), "t", c -> {
            hubei.federation.send(c, "central", "stock.posting", "1.0", java.time.Instant.now(), Map.of());
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(hubei.count("SELECT COUNT(*) FROM tp_fed_outbox")).isZero();
    }

    @Test
    void recipientTypeVersionAndSizeAreChecked() {
        assertThatThrownBy(() -> hubei.send("province:32", "stock.posting", "1.0", Map.of()))
                .hasMessageContaining("sends only to central");
        assertThatThrownBy(() -> hubei.send("nowhere", "stock.posting", "1.0", Map.of()))
                .hasMessageContaining("central or province:<code>");
        assertThatThrownBy(() -> central.send("province:11", "stock.posting", "1.0", Map.of()))
                .hasMessageContaining("not among the configured provinces");
        assertThatThrownBy(() -> central.send("province:42", "Stock", "1.0", Map.of()))
                .hasMessageContaining("<area>.<event>");
        assertThatThrownBy(() -> central.send("province:42", "stock.posting", "1", Map.of()))
                .hasMessageContaining("<major>.<minor>");
        assertThatThrownBy(() -> central.send("province:42", "stock.posting", "1.0", Map.of("big", "x".repeat(40_000))))
                .hasMessageContaining("split it");
        assertThat(central.send("province:32", "master.item", "1.2", Map.of())).startsWith("central/");
    }

    @Test
    void rowsSentLongAgoArePrunedAndUnsentOnesNever() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int n = 0; n < 3; n++) {
            String id = hubei.send("central", "stock.posting", "1.0", Map.of("n", n));
            ids.add(id.substring(id.indexOf('/') + 1));
        }
        hubei.execute("UPDATE tp_fed_outbox SET sent_at = {ts '2026-01-01 00:00:00'} WHERE id IN (" + ids.get(0) + ", "
                + ids.get(1) + ")");
        Settings settings = new Settings("tcp://127.0.0.1:1", null, null, java.util.Set.of(), 100, 50, 7, 30);
        try (BrokerLink link = new BrokerLink(settings)) {
            Relay relay = new Relay(hubei.db.dataSource(), link, new Topology(hubei.id, java.util.Set.of()), settings,
                    java.time.Clock.systemUTC(), new LinkActivity());
            assertThat(relay.pruneSentBefore(java.time.Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo(2);
        }
        assertThat(hubei.count("SELECT COUNT(*) FROM tp_fed_outbox WHERE sent_at IS NULL")).isEqualTo(1);
        assertThat(hubei.count("SELECT COUNT(*) FROM tp_fed_outbox")).isEqualTo(1);
    }

    @Test
    void centralsProvincesAreTheConfiguredOnes() {
        assertThat(central.federation.provinceNodes()).containsExactly("province:32", "province:42");
        assertThat(central.federation.links()).extracting(LinkStatus::node).containsExactly("province:32", "province:42");
        assertThat(hubei.federation.provinceNodes()).isEmpty();
    }

    @Test
    void ledgerOwnersFollowTheConfiguration() {
        assertThat(central.federation.remoteOwner("42")).contains("province:42");
        assertThat(central.federation.remoteOwner("11")).isEmpty();
        assertThat(hubei.federation.remoteOwner("42")).isEmpty();
        assertThat(hubei.federation.remoteOwner("32")).contains("central");
        assertThat(hubei.federation.remoteOwner(null)).isEqualTo(Optional.empty());
    }
}
