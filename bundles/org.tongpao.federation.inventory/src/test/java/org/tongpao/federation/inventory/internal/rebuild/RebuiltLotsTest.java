package org.tongpao.federation.inventory.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.internal.outbox.JdbcEventOutbox;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.federation.Message;
import org.tongpao.federation.inventory.internal.stock.RecordingFederation;
import org.tongpao.federation.inventory.internal.stock.StockForwarder;
import org.tongpao.federation.inventory.internal.stock.StockPostingContract;
import org.tongpao.federation.inventory.internal.stock.StockPostingHandler;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.internal.InventorySchema;
import org.tongpao.inventory.testing.TestInventory;

/**
 * What a rebuilt province does with the lots central handed it, on two real databases: its postings on them reach
 * central through the production {@link RestoredLotOrigins} and the real forwarder, and central's replica adopts
 * its own lot (no second lot, no refusal); designations come back with the lots, their org unit by code.
 */
class RebuiltLotsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final Caller LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"), "inbox");

    private final RebuildFixture f = new RebuildFixture();
    private final RecordingFederation federation = new RecordingFederation("province:42");

    @AfterEach
    void close() {
        f.close();
    }

    /** Receives {@code qty} of masks at central into Hubei's depot {@code depot}, designated {@code d}; the lot id. */
    private long atCentral(String depot, long qty, Designation d) {
        return f.centralStock.receive(f.ADMIN, NewReceipt.builder().depotId(f.central.id("tp_depot", depot))
                .itemId(f.central.id("tp_item", "MASK-KN95")).quantity(qty).origin(LotOrigin.DONATION)
                .sourceDocument("DON-C-" + qty).expiryDate(LocalDate.of(2031, 1, 1)).designation(d).build(), null).id();
    }

    /** The province's inventory after its rebuild, with its events forwarded as in production (real outbox). */
    private InventoryComponent rebuiltProvince() {
        assertThat(f.rebuilder(2).runHere(f.ADMIN, f.stream(), r -> { }).state()).isEqualTo(RebuildRun.DONE);
        JdbcEventOutbox outbox = new JdbcEventOutbox(f.province.ds, Runnable::run, null);
        outbox.bindEventForwarder(new StockForwarder(federation, f.province.core.node,
                new RestoredLotOrigins(SchemaReady.of(RebuildSchema.NAME, f.province.ds))),
                Map.of(EventForwarder.TOPICS, new String[] {InventoryTopics.MOVEMENT, InventoryTopics.LOT_STATUS}));
        return TestInventory.on(f.province.core, SchemaReady.of(InventorySchema.NAME, f.province.ds), outbox);
    }

    /** The province's lot that continues central's lot {@code centralLot}. */
    private long restored(long centralLot) {
        return f.province.number("SELECT lot_id FROM tp_fedinv_lot_origin WHERE origin_node = 'central' AND "
                + "origin_lot_id = " + centralLot);
    }

    /** Applies everything the province sent at central, as its inbox does (after a JSON round trip). */
    private void deliver() throws Exception {
        for (Message m : federation.sent) {
            atCentral(m);
        }
    }

    /** Applies {@code m} from Hubei's link at central, as its inbox does (after a JSON round trip). */
    private void atCentral(Message m) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(JSON.writeValueAsString(m.body()), Map.class);
        Message wire = new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
        StockPostingHandler handler = new StockPostingHandler(f.centralStock);
        Transactions.enclosing(f.central.ds, "inbox", c -> {
            handler.apply(wire, LINK);
            return null;
        });
    }

    /** A {@code stock.posting} from Hubei's node with outbox sequence {@code sequence}. */
    private static Message fromHubei(long sequence, Map<String, Object> body) {
        return new Message("province:42/" + sequence, "stock.posting", "1.2", "province:42", "central",
                java.time.Instant.parse("2026-02-01T08:00:00Z"), body);
    }

    /** Lot 7 of Hubei's node in depot HB-WH-01 (100 masks), holding {@code reserved} there. */
    private static Map<String, Object> lotSeven(long reserved) {
        return Map.of("lotId", 7L, "itemCode", "MASK-KN95", "origin", "PURCHASE_ORDER", "sourceDocument", "PO-7",
                "expiryDate", "2031-01-01", "receivedOn", "2026-01-02", "status", "AVAILABLE", "receivedQuantity", 100L,
                "reserved", reserved);
    }

    /** A reservation change of lot 7 (no movement). */
    private static Map<String, Object> holding(long reserved) {
        return Map.of("operation", reserved > 0 ? "reserve" : "release", "depotCode", "HB-WH-01", "actor", "officer",
                "lots", List.of(lotSeven(reserved)), "movements", List.of());
    }

    /** Central's replica of Hubei's lot 7: on hand and reserved. */
    private List<Long> replicaOfLotSeven() {
        String lot = "(SELECT lot_id FROM tp_inv_replica_lot WHERE origin_node = 'province:42' AND remote_lot_id = 7)";
        return List.of(f.central.number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + lot),
                f.central.number("SELECT reserved FROM tp_inv_balance WHERE lot_id = " + lot));
    }

    @Test
    void centralForgetsTheLostInstallsReservationsOnceTheRebuiltNodeSaysItHoldsNone() throws Exception {
        f.federated = true;
        // Hubei's install, before its disk was lost: 100 masks received in lot 7, then 40 of them reserved
        atCentral(fromHubei(5, Map.of("postingId", 1L, "operation", "RECEIPT", "depotCode", "HB-WH-01", "actor",
                "officer", "lots", List.of(lotSeven(0)), "movements", List.of(Map.of("lotId", 7L, "type", "RECEIPT",
                "quantity", 100L)))));
        atCentral(fromHubei(6, holding(40)));
        assertThat(replicaOfLotSeven()).containsExactly(100L, 40L);

        rebuiltProvince();
        // the rebuilt node holds nothing reserved and says so, through its outbox, in the restoring page's commit
        assertThat(f.province.number("SELECT reserved FROM tp_inv_balance WHERE lot_id = 7")).isZero();
        assertThat(f.rebuiltSent.sent).singleElement().satisfies(m -> {
            assertThat(m.body()).containsEntry("operation", "release").containsEntry("depotCode", "HB-WH-01");
            assertThat(StockPostingContract.maps(m.body(), "lots")).singleElement()
                    .satisfies(l -> assertThat(l).containsEntry("lotId", 7L).containsEntry("reserved", 0L));
        });
        atCentral(f.rebuiltSent.sent.get(0));
        assertThat(replicaOfLotSeven()).containsExactly(100L, 0L);

        // a late copy of the lost install's hold (an older sequence) changes nothing; a newer hold wins
        atCentral(fromHubei(6, holding(40)));
        atCentral(fromHubei(7, holding(40)));
        assertThat(replicaOfLotSeven()).containsExactly(100L, 0L);
        atCentral(fromHubei(2_000_000, holding(25)));
        assertThat(replicaOfLotSeven()).containsExactly(100L, 25L);
    }

    @Test
    void centralAdoptsItsOwnLotWhenTheRebuiltProvincePostsOnIt() throws Exception {
        long centralLot = atCentral("HB-WH-01", 100, null);
        InventoryComponent province = rebuiltProvince();
        // from now on Hubei's node keeps HB-WH-01; central holds its stock as a replica
        f.centralStock.bindLedgerOwners(p -> "42".equals(p) ? Optional.of("province:42") : Optional.empty());
        long lot = restored(centralLot);
        province.issue(f.ADMIN, NewIssue.builder().depotId(f.province.id("tp_depot", "HB-WH-01"))
                .itemId(f.province.id("tp_item", "MASK-KN95")).quantity(30L)
                .orgUnitId(f.province.id("tp_org_unit", "P42-WUHAN-JIANGAN-T01")).build(), null);
        assertThat(federation.sent).hasSize(1);

        deliver();
        assertThat(f.central.number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + centralLot)).isEqualTo(70);
        assertThat(f.central.number("SELECT lot_id FROM tp_inv_replica_lot WHERE origin_node = 'province:42' AND "
                + "remote_lot_id = " + lot)).isEqualTo(centralLot);
        assertThat(f.central.number("SELECT COUNT(*) FROM tp_inv_lot")).as("no second lot at central").isEqualTo(1);
        assertThat(f.province.number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + lot)).isEqualTo(70);
    }

    @Test
    void designatedLotsComeBackDesignatedTheirUnitByCode() {
        long forWuhan = atCentral("HB-WH-01", 80, Designation.orgUnit(f.central.id("tp_org_unit", "P42-WUHAN")));
        long forHubei = atCentral("HB-PROV-01", 40, Designation.province("42"));
        long frontLine = atCentral("HB-PROV-01", 10, Designation.frontLine());
        long plain = atCentral("HB-WH-01", 5, null);
        rebuiltProvince();

        assertThat(designation(restored(forWuhan))).isEqualTo(new Designation(Designation.Kind.ORG_UNIT, null,
                f.province.id("tp_org_unit", "P42-WUHAN"), "Wuhan Municipal Public Security Bureau"));
        assertThat(designation(restored(forHubei))).isEqualTo(new Designation(Designation.Kind.PROVINCE, "42", null,
                "Hubei"));
        assertThat(designation(restored(frontLine))).isEqualTo(new Designation(Designation.Kind.FRONT_LINE, null, null,
                null));
        assertThat(designation(restored(plain))).isNull();
    }

    private Designation designation(long lotId) {
        return Transactions.read(f.province.ds, c -> Jdbc.one(c, "SELECT designation_kind, designation_province, "
                + "designation_unit_id, designation_label FROM tp_inv_lot WHERE id = ?", List.of(lotId),
                rs -> Optional.ofNullable(rs.getString(1) == null ? null : new Designation(
                        Designation.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4)))).orElseThrow()).orElse(null);
    }
}
