package org.tongpao.federation.inventory.internal.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.federation.Message;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;

/**
 * Hubei's node ({@code province:42}) and central, each on its own database with the real inventory: what the
 * province records is forwarded ({@link StockForwarder}, to a recording federation) and applied at central by
 * {@link StockPostingHandler} inside {@code Transactions.enclosing}, as the inbox will, after a JSON round trip.
 */
class StockReplicationTest {
    private static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    private static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    private static final LocalDate EXPIRY = LocalDate.now().plusYears(1);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final StockNode province = new StockNode("province:42");
    private final StockNode central = new StockNode("central");
    private final RecordingFederation federation = new RecordingFederation("province:42");
    private final StockPostingHandler handler = new StockPostingHandler(central.inventory);
    private final LedgerOwners hubeiFederated = p -> "42".equals(p) ? Optional.of("province:42") : Optional.empty();
    /** Province lot id → the central lot it continues (what a rebuild records). */
    private final Map<Long, LotOrigins.Origin> handedOver = new HashMap<>();
    private int delivered;

    StockReplicationTest() {
        LotOrigins origins = (c, ids) -> {
            Map<Long, LotOrigins.Origin> found = new HashMap<>(handedOver);
            found.keySet().retainAll(ids);
            return found;
        };
        province.outbox.bindEventForwarder(new StockForwarder(federation, province.core.node, origins),
                Map.of(EventForwarder.TOPICS, new String[] {InventoryTopics.MOVEMENT, InventoryTopics.LOT_STATUS,
                        InventoryTopics.RESERVED}));
        central.inventory.bindLedgerOwners(hubeiFederated);
    }

    @AfterEach
    void close() {
        province.close();
        central.close();
    }

    private static Caller node(String code) {
        return Caller.of("node:province:" + code, Set.of("province-officer", "province-" + code), "inbox");
    }

    /** The message as central reads it off the wire: its body through JSON, numbers as Long. */
    private static Message wire(Message m) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(JSON.writeValueAsString(m.body()), Map.class);
        return new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
    }

    /** The message with one body field set, at {@code version}. */
    private static Message changed(Message m, String version, String field, Object value) {
        Map<String, Object> body = new HashMap<>(m.body());
        body.put(field, value);
        return new Message(m.id(), m.type(), version, m.from(), m.to(), m.occurredAt(), body);
    }

    private void apply(Message m, Caller sender) throws Exception {
        Message onTheWire = wire(m);
        Transactions.enclosing(central.ds, "inbox", c -> {
            handler.apply(onTheWire, sender);
            return null;
        });
    }

    private void deliverAll() throws Exception {
        for (; delivered < federation.sent.size(); delivered++) {
            apply(federation.sent.get(delivered), node("42"));
        }
    }

    private long receive(String depot, String item, long qty) {
        return receive(HUBEI, depot, item, qty);
    }

    private long receive(Caller caller, String depot, String item, long qty) {
        return province.inventory.receive(caller, NewReceipt.builder().depotId(province.id("tp_depot", depot))
                .itemId(province.id("tp_item", item)).quantity(qty).origin(LotOrigin.PURCHASE_ORDER)
                .sourceDocument("PO-42-" + qty).expiryDate(EXPIRY).build(), null).id();
    }

    /** Remote lot id → on hand and status, as {@code node} has the lots of the depots of province 42. */
    private static Map<Long, String> lots(StockNode node, String lotIdColumn, String join) {
        Map<Long, String> lots = new HashMap<>();
        Transactions.read(node.ds, c -> org.tongpao.core.persistence.Jdbc.query(c, "SELECT " + lotIdColumn
                + ", b.on_hand, l.lot_status FROM tp_inv_lot l JOIN tp_inv_balance b ON b.lot_id = l.id " + join
                + " JOIN tp_core_v1_depot d ON d.id = l.depot_id WHERE d.province_code = '42'", List.of(),
                rs -> lots.put(rs.getLong(1), rs.getLong(2) + " " + rs.getString(3))));
        return lots;
    }

    @Test
    void whatTheProvinceRecordsCentralsReplicaHolds() throws Exception {
        long wuhan = province.id("tp_depot", "HB-WH-01");
        long hubeiProv = province.id("tp_depot", "HB-PROV-01");
        long kn95 = province.id("tp_item", "MASK-KN95");
        long lot = receive("HB-WH-01", "MASK-KN95", 100);
        receive("HB-PROV-01", "FIELD-TENT", 40);
        province.inventory.issue(HUBEI, NewIssue.builder().depotId(wuhan).itemId(kn95).quantity(30L)
                .orgUnitId(province.id("tp_org_unit", "P42-WUHAN-JIANGAN-T01")).build(), null);
        Transfer t = province.inventory.transferOut(HUBEI, NewTransfer.builder().fromDepotId(wuhan)
                .toDepotId(hubeiProv).itemId(kn95).quantity(20L).build(), null);
        province.inventory.receiveTransfer(HUBEI, t.id(), 18, 1, null, null);
        province.inventory.adjust(HUBEI, new NewAdjustment(lot, 3L, AdjustmentReason.FOUND, null, null), null);
        province.inventory.writeOff(HUBEI, new NewWriteOff(lot, 2L, WriteOffReason.EXPIRED, null, null), null);
        province.inventory.count(HUBEI, new NewCount(wuhan, List.of(new NewCount.Line(kn95, lot, 50L)), null), null);
        province.inventory.changeLotStatus(HUBEI, lot, new LotStatusChange(LotStatus.QUARANTINED, "check"), null);
        deliverAll();

        assertThat(federation.sent).hasSize(9);
        assertThat(lots(central, "r.remote_lot_id", "JOIN tp_inv_replica_lot r ON r.lot_id = l.id"))
                .isEqualTo(lots(province, "l.id", "")).hasSize(3).containsEntry(lot, "50 QUARANTINED");
        ProvinceStock owner = province.inventory.nationalStock(ADMIN, "MASK").get(0);
        assertThat(central.inventory.nationalStock(ADMIN, "MASK")).filteredOn(s -> "42".equals(s.provinceCode()))
                .containsExactly(new ProvinceStock("42", "MASK", owner.onHand(), 0, owner.available(), "province:42",
                        federation.sent.get(8).occurredAt()));
        assertThat(central.number("SELECT COUNT(*) FROM tp_inv_balance b WHERE b.on_hand <> (SELECT "
                + "COALESCE(SUM(m.quantity), 0) FROM tp_inv_movement m WHERE m.lot_id = b.lot_id)")).isZero();
    }

    @Test
    void theMessageNamesCodesAndTheProvincesOwnIds() throws Exception {
        long lot = receive("HB-WH-01", "MASK-KN95", 100);
        Message m = wire(federation.sent.get(0));
        assertThat(m.type()).isEqualTo("stock.posting");
        assertThat(m.version()).isEqualTo("1.2");
        assertThat(m.to()).isEqualTo("central");
        assertThat(m.body()).containsEntry("depotCode", "HB-WH-01").containsEntry("operation", "receipt")
                .containsEntry("actor", "hubei").containsEntry("part", 1L).containsEntry("parts", 1L);
        assertThat(StockPostingContract.maps(m.body(), "lots")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("lotId", lot).containsEntry("itemCode", "MASK-KN95")
                .containsEntry("expiryDate", EXPIRY.toString()).containsEntry("status", "AVAILABLE")
                .doesNotContainKey("itemId"));
        assertThat(StockPostingContract.maps(m.body(), "movements")).singleElement().satisfies(mv -> assertThat(mv)
                .containsEntry("lotId", lot).containsEntry("type", "RECEIPT").containsEntry("quantity", 100L));
    }

    @Test
    void aLateBackDatedPostingIsOrderedByWhenItHappened() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        central.inventory.receive(ADMIN, NewReceipt.builder().depotId(central.id("tp_depot", "CENTRAL-RESERVE"))
                .itemId(central.id("tp_item", "MASK-KN95")).quantity(7L).origin(LotOrigin.DONATION)
                .sourceDocument("D-1").expiryDate(EXPIRY).build(), null);
        // the province was offline for a day: its receipt arrives after central's own, made a day earlier
        Message late = federation.sent.get(0);
        Instant yesterday = late.occurredAt().minus(Duration.ofDays(1));
        apply(new Message(late.id(), late.type(), late.version(), late.from(), late.to(), yesterday, late.body()),
                node("42"));
        List<Movement> movements = central.inventory.movements(ADMIN, new MovementFilter(null, null, null, null,
                null), 10, null).items();
        assertThat(movements).extracting(Movement::quantity).containsExactly(100L, 7L);
        assertThat(movements.get(0).occurredAt()).isEqualTo(yesterday);
    }

    @Test
    void aPostingForADepotOfAnotherProvinceIsRefused() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        Message hubei = federation.sent.get(0);
        Message aboutJiangsu = changed(hubei, hubei.version(), "depotCode", "JS-PROV-01");
        assertThatThrownBy(() -> apply(aboutJiangsu, node("42"))).isInstanceOf(AccessDeniedException.class);
        // Jiangsu's link speaking of a Hubei depot, as Jiangsu or claiming to be Hubei
        Message fromJiangsu = new Message("province:32/1", hubei.type(), hubei.version(), "province:32", "central",
                hubei.occurredAt(), hubei.body());
        assertThatThrownBy(() -> apply(fromJiangsu, node("32"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> apply(hubei, node("32"))).isInstanceOf(AccessDeniedException.class);
        // Jiangsu's depots are kept at central: a posting claiming province:32 keeps one is refused
        Message jiangsuDepot = new Message("province:32/2", hubei.type(), hubei.version(), "province:32", "central",
                hubei.occurredAt(), aboutJiangsu.body());
        assertThatThrownBy(() -> apply(jiangsuDepot, node("32"))).isInstanceOf(ConflictException.class);
        assertThat(central.number("SELECT COUNT(*) FROM tp_inv_lot")).isZero();
        assertThat(central.number("SELECT COUNT(*) FROM tp_inv_movement")).isZero();
    }

    @Test
    void aRepeatedPostingChangesNothing() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        deliverAll();
        apply(federation.sent.get(0), node("42"));
        assertThat(central.number("SELECT COUNT(*) FROM tp_inv_movement")).isEqualTo(1);
        assertThat(central.number("SELECT SUM(on_hand) FROM tp_inv_balance")).isEqualTo(100);
    }

    @Test
    void aLotCentralHandedToTheProvinceContinuesCentralsOwnLot() throws Exception {
        // before Hubei had a node of its own, central kept HB-WH-01: 100 in a lot of central's
        central.inventory.unbindLedgerOwners(hubeiFederated);
        long centralLot = central.inventory.receive(ADMIN, NewReceipt.builder()
                .depotId(central.id("tp_depot", "HB-WH-01")).itemId(central.id("tp_item", "MASK-KN95")).quantity(100L)
                .origin(LotOrigin.PURCHASE_ORDER).sourceDocument("PO-C-1").expiryDate(EXPIRY).build(), null).id();
        central.inventory.bindLedgerOwners(hubeiFederated);
        // a rebuild gave it to Hubei's node under a local id, keeping its origin (no posting travels for that)
        long provinceLot = receive("HB-WH-01", "MASK-KN95", 100);
        delivered = federation.sent.size();
        handedOver.put(provinceLot, new LotOrigins.Origin("central", centralLot));
        long wuhan = province.id("tp_depot", "HB-WH-01");
        long unit = province.id("tp_org_unit", "P42-WUHAN-JIANGAN-T01");
        for (long q : new long[] {30, 10}) {
            province.inventory.issue(HUBEI, NewIssue.builder().depotId(wuhan).itemId(province.id("tp_item",
                    "MASK-KN95")).quantity(q).orgUnitId(unit).build(), null);
        }
        deliverAll();
        assertThat(StockPostingContract.maps(federation.sent.get(1).body(), "lots")).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("originNode", "central")
                        .containsEntry("originLotId", centralLot));
        assertThat(central.number("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + centralLot)).isEqualTo(60);
        assertThat(central.number("SELECT lot_id FROM tp_inv_replica_lot WHERE origin_node = 'province:42' "
                + "AND remote_lot_id = " + provinceLot)).isEqualTo(centralLot);
        assertThat(central.number("SELECT COUNT(*) FROM tp_inv_lot")).isEqualTo(1);
    }

    @Test
    void aNewerMinorVersionWithFieldsCentralDoesNotKnowApplies() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        apply(changed(federation.sent.get(0), "1.3", "batchReference", "B-2026-011"), node("42"));
        assertThat(central.number("SELECT SUM(on_hand) FROM tp_inv_balance")).isEqualTo(100);
    }

    @Test
    void onlyDepotsTheProvinceKeepsAreForwardedAndCentralForwardsNothing() {
        // without federation's LedgerOwners the province node accepts a Jiangsu receipt: not its to replicate
        receive(ADMIN, "JS-PROV-01", "MASK-KN95", 5);
        assertThat(federation.sent).isEmpty();
        RecordingFederation fromCentral = new RecordingFederation("central");
        central.outbox.bindEventForwarder(new StockForwarder(fromCentral, central.core.node, (c, ids) -> Map.of()),
                Map.of(EventForwarder.TOPICS, InventoryTopics.MOVEMENT));
        central.inventory.receive(ADMIN, NewReceipt.builder().depotId(central.id("tp_depot", "CENTRAL-RESERVE"))
                .itemId(central.id("tp_item", "MASK-KN95")).quantity(7L).origin(LotOrigin.DONATION)
                .sourceDocument("D-1").expiryDate(EXPIRY).build(), null);
        assertThat(fromCentral.sent).isEmpty();
    }

    // --- reservations (stock.posting 1.2): central's replica keeps what the province holds reserved

    /** Central's national figures of province 42 in category MASK: on hand, reserved, available. */
    private List<Long> centralMasks() {
        ProvinceStock s = central.inventory.nationalStock(ADMIN, "MASK").stream()
                .filter(p -> "42".equals(p.provinceCode())).findFirst().orElseThrow();
        return List.of(s.onHand(), s.reserved(), s.available());
    }

    private long reserveMasks(long qty) {
        return province.inventory.reserve(HUBEI, province.id("tp_depot", "HB-WH-01"), province.id("tp_item",
                "MASK-KN95"), qty, "allocation-batch:7", null).id();
    }

    @Test
    void aReservationHeldReleasedAndDispatchedAtTheProvinceShowsAtCentral() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        long held = reserveMasks(30);
        long released = reserveMasks(20);
        deliverAll();
        assertThat(centralMasks()).containsExactly(100L, 50L, 50L);
        assertThat(StockPostingContract.maps(federation.sent.get(1).body(), "lots")).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("reserved", 30L));
        assertThat(federation.sent.get(1).body()).containsEntry("operation", "reserve").doesNotContainKey("postingId");

        province.inventory.release(HUBEI, released, null);
        province.inventory.dispatch(HUBEI, held, province.id("tp_depot", "HB-PROV-01"), "batch 7", null);
        deliverAll();
        // the dispatch's transfer-out takes the held 30 off the replica's on hand and its reserved alike
        assertThat(centralMasks()).containsExactly(70L, 0L, 70L);
        assertThat(lots(central, "r.remote_lot_id", "JOIN tp_inv_replica_lot r ON r.lot_id = l.id"))
                .isEqualTo(lots(province, "l.id", ""));
        assertThat(central.number("SELECT COUNT(*) FROM tp_audit WHERE entity = 'reservation' "
                + "AND action = 'REPLICATE'")).isEqualTo(3);
    }

    @Test
    void aRedeliveredOrOlderReservationChangesNothing() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        long first = reserveMasks(30);
        reserveMasks(10);
        province.inventory.release(HUBEI, first, null);
        deliverAll();
        assertThat(centralMasks()).containsExactly(100L, 10L, 90L);
        // the first hold again, after the release (parked and retried, or a copy the inbox's retention forgot)
        Message firstHold = federation.sent.get(1);
        assertThat(firstHold.id()).isEqualTo("province:42/2");
        apply(firstHold, node("42"));
        assertThat(centralMasks()).containsExactly(100L, 10L, 90L);
        assertThat(central.number("SELECT reserved_seq FROM tp_inv_replica_lot")).isEqualTo(4);
    }

    /** 100 received and 30 held at Hubei, both applied at central; the hold's message. */
    private Message thirtyHeldAtCentral() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        reserveMasks(30);
        deliverAll();
        return federation.sent.get(1);
    }

    /** {@code hold} as message {@code id} of node {@code from}, with other {@code lots}. */
    private static Message hold(Message hold, String id, String from, List<Map<String, Object>> lots) {
        return new Message(id, hold.type(), hold.version(), from, "central", hold.occurredAt(),
                changed(hold, "1.2", "lots", lots).body());
    }

    @Test
    void aReservationOfAnotherProvincesLotIsRefused() throws Exception {
        Message hold = thirtyHeldAtCentral();
        // Jiangsu's link claiming Hubei's depot, or naming itself with Hubei's depot: refused, nothing held
        assertThatThrownBy(() -> apply(hold, node("32"))).isInstanceOf(AccessDeniedException.class);
        Message fromJiangsu = hold(hold, "province:32/5", "province:32", List.of(Map.of("lotId", 1L, "itemCode",
                "MASK-KN95", "origin", "PURCHASE_ORDER", "sourceDocument", "x", "receivedOn", "2026-01-01",
                "status", "AVAILABLE", "receivedQuantity", 100L, "reserved", 100L)));
        assertThatThrownBy(() -> apply(fromJiangsu, node("32"))).isInstanceOf(AccessDeniedException.class);
        assertThat(centralMasks()).containsExactly(100L, 30L, 70L);
    }

    @Test
    void aPostingOfTheOldContractWithoutReservedLeavesTheReplicasReservedAsItIs() throws Exception {
        receive("HB-WH-01", "MASK-KN95", 100);
        reserveMasks(30);
        long wuhan = province.id("tp_depot", "HB-WH-01");
        province.inventory.issue(HUBEI, NewIssue.builder().depotId(wuhan).itemId(province.id("tp_item", "MASK-KN95"))
                .quantity(5L).orgUnitId(province.id("tp_org_unit", "P42-WUHAN-JIANGAN-T01")).build(), null);
        apply(federation.sent.get(0), node("42"));
        apply(federation.sent.get(1), node("42"));
        Message issue = federation.sent.get(2);
        assertThat(StockPostingContract.maps(issue.body(), "lots")).singleElement()
                .satisfies(l -> assertThat(l).doesNotContainKey("reserved"));
        // as a 1.1 sender sends it: no reserved field anywhere, applied as before, the replica's hold kept
        apply(changed(issue, "1.1", "operation", "issue"), node("42"));
        assertThat(centralMasks()).containsExactly(95L, 30L, 65L);
    }

    @Test
    void aReservationBeyondWhatTheReplicaHoldsIsRefused() throws Exception {
        Message hold = thirtyHeldAtCentral();
        Map<String, Object> tooMuch = new HashMap<>(StockPostingContract.maps(hold.body(), "lots").get(0));
        tooMuch.put("reserved", 101L);
        Message m = hold(hold, "province:42/50", hold.from(), List.of(tooMuch));
        assertThatThrownBy(() -> apply(m, node("42"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("101 reserved");
        assertThat(centralMasks()).containsExactly(100L, 30L, 70L);
    }
}
