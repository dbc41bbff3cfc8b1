package org.tongpao.federation.internal.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.Item;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewItem;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;
import org.tongpao.federation.internal.FederationSchema;
import org.tongpao.federation.testing.FederatedNode;
import org.tongpao.federation.testing.RecordingFederation;

/**
 * Master data down: central's changes leave as snapshots by code to every provincial node (a recording
 * {@code Federation}); a provincial node upserts them through core's services inside the inbox transaction.
 */
class MasterDataTest implements TestCallers {
    private static final Caller LINK = Caller.of(MasterData.CENTRAL_LINK, Set.of("ministry-admin"), "fed-req");
    private final FederatedNode centralNode = new FederatedNode("central", List.of("province:42", "province:32"));
    private final FederatedNode hubeiNode = new FederatedNode("province:42", List.of());
    private final TestCore central = centralNode.core;
    private final TestCore hubei = hubeiNode.core;
    private final RecordingFederation federation = centralNode.federation;

    MasterDataTest() {
        Migrations.migrate(hubei.ds, FederationSchema.class, FederationSchema.MIGRATIONS, FederationSchema.HISTORY_TABLE);
        Migrations.migrate(central.ds, FederationSchema.class, FederationSchema.MIGRATIONS,
                FederationSchema.HISTORY_TABLE);
        central.outbox.forward(new MasterDataForwarder(federation), CoreTopics.ORG_UNIT + "*", CoreTopics.ITEM + "*",
                CoreTopics.DEPOT + "*");
    }

    @AfterEach
    void close() {
        centralNode.close();
        hubeiNode.close();
    }

    @Test
    void centralChangesLeaveAsSnapshotsByCodeToEveryProvince() {
        OrgUnit wuhan = central.units.getByCode(ADMIN, "P42-WUHAN");
        central.units.create(ADMIN, new NewOrgUnit("P42-WUHAN-HANKOU", "Hankou", "汉口", OrgLevel.COUNTY, wuhan.id(),
                null, true), null);

        assertThat(federation.sent).extracting(Message::to).containsExactly("province:42", "province:32");
        Message m = federation.sent.get(0);
        assertThat(m.type()).isEqualTo("master.org-unit");
        assertThat(m.version()).isEqualTo("1.0");
        assertThat(m.body()).containsEntry("code", "P42-WUHAN-HANKOU").containsEntry("parentCode", "P42-WUHAN")
                .containsEntry("provinceCode", "42").containsEntry("level", "COUNTY").containsEntry("frontLine", true)
                .containsEntry("active", true).doesNotContainKeys("id", "parentId");

        Depot store = central.depots.create(ADMIN, new NewDepot("HB-HK-01", "Hankou store",
                central.units.getByCode(ADMIN, "P42-WUHAN-HANKOU").id(), "1 Jiefang Ave"), null);
        central.depots.deactivate(ADMIN, store.id(), null, null);
        List<Message> depots = federation.sent.stream().filter(s -> s.type().equals("master.depot")).toList();
        assertThat(depots).hasSize(4);
        assertThat(depots.get(0).body()).containsEntry("orgUnitCode", "P42-WUHAN-HANKOU")
                .containsEntry("address", "1 Jiefang Ave").doesNotContainKey("orgUnitId");
        assertThat(depots.get(3).body()).containsEntry("active", false);
    }

    @Test
    void aProvinceAppliesCentralsSnapshotsAndASecondCopyChangesNothing() {
        OrgUnit wuhan = central.units.getByCode(ADMIN, "P42-WUHAN");
        OrgUnit hankou = central.units.create(ADMIN, new NewOrgUnit("P42-WUHAN-HANKOU", "Hankou", null,
                OrgLevel.COUNTY, wuhan.id(), null, null), null);
        central.depots.create(ADMIN, new NewDepot("HB-HK-01", "Hankou store", hankou.id(), null), null);
        central.catalogue.create(ADMIN, new NewItem("GOWN-L3", "SUIT", "Isolation gown level 3", null, "piece",
                null, 24), null);
        Item gown = central.catalogue.getByCode(ADMIN, "GOWN-L3");
        central.catalogue.update(ADMIN, gown.id(), new ItemUpdate("SUIT", "Isolation gown L3", "隔离衣", "piece",
                "GB 19082", 36, gown.version()), null);
        List<Message> toHubei = federation.sent.stream().filter(m -> m.to().equals("province:42")).toList();
        assertThat(toHubei).hasSize(4);

        toHubei.forEach(this::applyAtHubei);
        OrgUnit there = hubei.units.getByCode(ADMIN, "P42-WUHAN-HANKOU");
        assertThat(there.parentId()).isEqualTo(hubei.units.getByCode(ADMIN, "P42-WUHAN").id());
        assertThat(hubei.depots.getByCode(ADMIN, "HB-HK-01").orgUnitId()).isEqualTo(there.id());
        Item item = hubei.catalogue.getByCode(ADMIN, "GOWN-L3");
        assertThat(item.name()).isEqualTo("Isolation gown L3");
        assertThat(item.shelfLifeMonths()).isEqualTo(36);
        assertThat(item.version()).isEqualTo(2);

        // the newest snapshot of each record once more (a resend): nothing changes
        long audit = auditRows();
        List.of(toHubei.get(0), toHubei.get(1), toHubei.get(3)).forEach(this::applyAtHubei);
        assertThat(auditRows()).isEqualTo(audit);
        assertThat(hubei.catalogue.getByCode(ADMIN, "GOWN-L3").version()).isEqualTo(2);
        assertThat(hubei.units.getByCode(ADMIN, "P42-WUHAN-HANKOU").version()).isEqualTo(there.version());
    }

    @Test
    void aDeactivationReachesTheProvince() {
        Depot js = central.depots.getByCode(ADMIN, "HB-PROV-01");
        central.depots.update(ADMIN, js.id(), new DepotUpdate("Hubei reserve", "Wuhan", js.version()), null);
        central.depots.deactivate(ADMIN, js.id(), null, null);
        federation.sent.stream().filter(m -> m.to().equals("province:42")).forEach(this::applyAtHubei);
        Depot there = hubei.depots.getByCode(ADMIN, "HB-PROV-01");
        assertThat(there.name()).isEqualTo("Hubei reserve");
        assertThat(there.address()).isEqualTo("Wuhan");
        assertThat(there.active()).isFalse();
    }

    @Test
    void aFederatedProvinceRefusesLocalEditsButNotCentralsLink() {
        Map<String, Object> link = Map.of("broker", "tcp://127.0.0.1:61616", "password", "secret");
        CentralOwnsMasterData owner = new CentralOwnsMasterData(hubei.node, link);
        hubei.seed.bindMasterDataOwner(owner);
        Depot depot = hubei.depots.getByCode(HUBEI, "HB-WH-01");
        assertThatThrownBy(() -> hubei.depots.update(HUBEI, depot.id(), new DepotUpdate("mine", null,
                depot.version()), null)).isInstanceOf(ConflictException.class).hasMessageContaining("node central");
        assertThatThrownBy(() -> hubei.depots.update(ADMIN, depot.id(), new DepotUpdate("mine", null,
                depot.version()), null)).isInstanceOf(ConflictException.class);
        assertThat(hubei.depots.update(LINK, depot.id(), new DepotUpdate("central's", null, depot.version()), null)
                .name()).isEqualTo("central's");

        assertThat(new CentralOwnsMasterData(hubei.node, Map.of()).remoteOwner(HUBEI)).isEmpty();
        // the distribution's default broker address without the link's credentials federates nothing
        assertThat(new CentralOwnsMasterData(hubei.node, Map.of("broker", "tcp://127.0.0.1:61616", "password", ""))
                .remoteOwner(HUBEI)).isEmpty();
        assertThat(new CentralOwnsMasterData(central.node, link).remoteOwner(ADMIN)).isEmpty();
    }

    private void applyAtHubei(Message m) {
        MessageHandler handler = switch (m.type()) {
            case MasterData.ORG_UNIT -> new OrgUnitSnapshots(hubei.units, federationSchema());
            case MasterData.ITEM -> new ItemSnapshots(hubei.catalogue, federationSchema());
            case MasterData.DEPOT -> new DepotSnapshots(hubei.depots, hubei.units, federationSchema());
            default -> throw new IllegalArgumentException(m.type());
        };
        hubeiNode.apply(handler, m, LINK);
    }

    private SchemaReady federationSchema() {
        return SchemaReady.of(FederationSchema.NAME, hubei.ds);
    }

    @Test
    void anOlderSnapshotRetriedAfterANewerOneChangesNothing() {
        OrgUnit wuhan = central.units.getByCode(ADMIN, "P42-WUHAN");
        OrgUnit hankou = central.units.create(ADMIN, new NewOrgUnit("P42-WUHAN-HANKOU", "Hankou", null,
                OrgLevel.COUNTY, wuhan.id(), null, null), null);
        central.units.update(ADMIN, hankou.id(), new OrgUnitUpdate("Hankou district", null, false, hankou.version()),
                null);
        central.catalogue.create(ADMIN, new NewItem("GOWN-L3", "SUIT", "Isolation gown level 3", null, "piece",
                null, 24), null);
        Item gown = central.catalogue.getByCode(ADMIN, "GOWN-L3");
        central.catalogue.update(ADMIN, gown.id(), new ItemUpdate("SUIT", "Isolation gown L3", null, "piece",
                null, 36, gown.version()), null);
        List<Message> toHubei = federation.sent.stream().filter(m -> m.to().equals("province:42")).toList();
        assertThat(toHubei).extracting(Message::type).containsExactly("master.org-unit", "master.org-unit",
                "master.item", "master.item");

        // the first of each was parked (say a parent not there yet) and is retried after the second applied
        applyAtHubei(toHubei.get(1));
        applyAtHubei(toHubei.get(3));
        long audit = auditRows();
        applyAtHubei(toHubei.get(0));
        applyAtHubei(toHubei.get(2));
        assertThat(hubei.units.getByCode(ADMIN, "P42-WUHAN-HANKOU").name()).isEqualTo("Hankou district");
        assertThat(hubei.catalogue.getByCode(ADMIN, "GOWN-L3").shelfLifeMonths()).isEqualTo(36);
        assertThat(auditRows()).isEqualTo(audit);
        // a newer one still applies
        OrgUnit now = central.units.getByCode(ADMIN, "P42-WUHAN-HANKOU");
        central.units.update(ADMIN, now.id(), new OrgUnitUpdate("Hankou", "汉口", false, now.version()), null);
        federation.sent.stream().filter(m -> m.to().equals("province:42")).reduce((a, b) -> b)
                .ifPresent(this::applyAtHubei);
        assertThat(hubei.units.getByCode(ADMIN, "P42-WUHAN-HANKOU").nameZh()).isEqualTo("汉口");
    }

    @Test
    void centralKeepsTheNewestSnapshotItSentAndARebuiltProvinceClaimsItSoAnOlderQueuedOneChangesNothing() {
        OrgUnit wuhan = central.units.getByCode(ADMIN, "P42-WUHAN");
        OrgUnit hankou = central.units.create(ADMIN, new NewOrgUnit("P42-WUHAN-HANKOU", "Hankou", null,
                OrgLevel.COUNTY, wuhan.id(), null, null), null);
        central.units.update(ADMIN, hankou.id(), new OrgUnitUpdate("Hankou district", null, false, hankou.version()),
                null);
        List<Message> toHubei = federation.sent.stream().filter(m -> m.to().equals("province:42")).toList();
        MasterDataSequences atCentral = new MasterDataSequences(SchemaReady.of(FederationSchema.NAME, central.ds));
        Map<String, Long> sent = Transactions.read(central.ds, c -> atCentral.sent(c, MasterData.ORG_UNIT,
                List.of("P42-WUHAN-HANKOU", "P42-WUHAN")));
        // the change's last message (to province:32) numbers it; the untouched unit has none
        assertThat(sent).containsOnlyKeys("P42-WUHAN-HANKOU").containsEntry("P42-WUHAN-HANKOU",
                SnapshotOrder.seq(federation.sent.get(federation.sent.size() - 1).id()));

        // a rebuild applied the unit as central holds it now, and claims central's sequence with it
        applyAtHubei(toHubei.get(1));
        MasterDataSequences atHubei = new MasterDataSequences(federationSchema());
        long seq = sent.get("P42-WUHAN-HANKOU");
        boolean first = Transactions.write(hubei.ds, "t", c -> atHubei.claim(c, MasterData.ORG_UNIT,
                "P42-WUHAN-HANKOU", seq));
        boolean again = Transactions.write(hubei.ds, "t", c -> atHubei.claim(c, MasterData.ORG_UNIT,
                "P42-WUHAN-HANKOU", seq));
        assertThat(first).isTrue();
        assertThat(again).as("the same state again").isFalse();
        // the creation's snapshot, still queued when the node was rebuilt, arrives: older, it changes nothing
        long audit = auditRows();
        applyAtHubei(toHubei.get(0));
        assertThat(hubei.units.getByCode(ADMIN, "P42-WUHAN-HANKOU").name()).isEqualTo("Hankou district");
        assertThat(auditRows()).isEqualTo(audit);
    }

    @Test
    void aFailedSnapshotLeavesNoClaimBehind() {
        OrgUnit wuhan = central.units.getByCode(ADMIN, "P42-WUHAN");
        OrgUnit hankou = central.units.create(ADMIN, new NewOrgUnit("P42-WUHAN-HANKOU", "Hankou", null,
                OrgLevel.COUNTY, wuhan.id(), null, null), null);
        central.units.create(ADMIN, new NewOrgUnit("P42-WUHAN-HANKOU-T1", "Hankou town 1", null, OrgLevel.STATION,
                hankou.id(), null, null), null);
        List<Message> toHubei = federation.sent.stream().filter(m -> m.to().equals("province:42")).toList();
        // the town before its county: its parent is unknown, the message fails (the inbox would park it)
        assertThatThrownBy(() -> applyAtHubei(toHubei.get(1))).isInstanceOf(RuntimeException.class);
        applyAtHubei(toHubei.get(0));
        applyAtHubei(toHubei.get(1)); // the retry applies: the failed attempt claimed nothing
        assertThat(hubei.units.getByCode(ADMIN, "P42-WUHAN-HANKOU-T1").parentId())
                .isEqualTo(hubei.units.getByCode(ADMIN, "P42-WUHAN-HANKOU").id());
    }

    private long auditRows() {
        return Transactions.read(hubei.ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM tp_audit", List.of()));
    }
}
