package org.tongpao.federation.inventory.internal.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewReceipt;

/**
 * A designated lot of a province replicated to central keeps its designation there (stock.posting 1.1), its
 * org unit travelling by code; a replica made from a 1.0 posting learns it from the next one. Two real databases.
 */
class DesignatedReplicaTest implements TestCallers {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final Caller LINK = Caller.of("node:province:42", java.util.Set.of("province-officer", "province-42"),
            "inbox");

    private final StockNode province = new StockNode("province:42");
    private final StockNode central = new StockNode("central");
    private final RecordingFederation federation = new RecordingFederation("province:42");
    private final StockPostingHandler handler = new StockPostingHandler(central.inventory);

    DesignatedReplicaTest() {
        province.outbox.bindEventForwarder(new StockForwarder(federation, province.core.node, (c, ids) -> Map.of()),
                Map.of(EventForwarder.TOPICS, new String[] {InventoryTopics.MOVEMENT, InventoryTopics.LOT_STATUS}));
        central.inventory.bindLedgerOwners(p -> "42".equals(p) ? Optional.of("province:42") : Optional.empty());
    }

    @AfterEach
    void close() {
        province.close();
        central.close();
    }

    private long donated(String depot, long qty, Designation d) {
        return province.inventory.receive(ADMIN, NewReceipt.builder().depotId(province.id("tp_depot", depot))
                .itemId(province.id("tp_item", "MASK-KN95")).quantity(qty).origin(LotOrigin.DONATION)
                .sourceDocument("DON-42-7").expiryDate(LocalDate.of(2031, 1, 1)).designation(d).build(), null).id();
    }

    /** Applies {@code m} at central as the inbox does, after a JSON round trip. */
    private void apply(Message m) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(JSON.writeValueAsString(m.body()), Map.class);
        Message wire = new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(), body);
        Transactions.enclosing(central.ds, "inbox", c -> {
            handler.apply(wire, LINK);
            return null;
        });
    }

    /** Central's replica of the province's lot: its designation (local unit id), or null when undesignated. */
    private Designation replica(long provinceLotId) {
        return Transactions.read(central.ds, c -> Jdbc.one(c, "SELECT l.designation_kind, l.designation_province, "
                + "l.designation_unit_id, l.designation_label FROM tp_inv_lot l JOIN tp_inv_replica_lot r "
                + "ON r.lot_id = l.id WHERE r.origin_node = 'province:42' AND r.remote_lot_id = ?",
                List.of(provinceLotId), rs -> Optional.ofNullable(rs.getString(1) == null ? null : new Designation(
                        Designation.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4)))).orElseThrow()).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLot(Message m) {
        return ((List<Map<String, Object>>) m.body().get("lots")).get(0);
    }

    @Test
    void aDesignatedLotReplicatedToCentralKeepsItsDesignation() throws Exception {
        long forWuhan = donated("HB-WH-01", 80, Designation.orgUnit(province.id("tp_org_unit", "P42-WUHAN")));
        long forHubei = donated("HB-PROV-01", 40, Designation.province("42"));
        long frontLine = donated("HB-PROV-01", 10, Designation.frontLine());
        long plain = province.inventory.receive(ADMIN, NewReceipt.builder().depotId(province.id("tp_depot", "HB-WH-01"))
                .itemId(province.id("tp_item", "MASK-KN95")).quantity(5L).origin(LotOrigin.PURCHASE_ORDER)
                .sourceDocument("PO-1").expiryDate(LocalDate.of(2031, 1, 1)).build(), null).id();
        assertThat(federation.sent).hasSize(4);
        Message first = federation.sent.get(0);
        assertThat(first.version()).isEqualTo("1.2"); // 1.2 (reservations) still carries the 1.1 designation
        assertThat(firstLot(first).get("designation")).isEqualTo(Map.of("kind", "ORG_UNIT", "orgUnitCode", "P42-WUHAN",
                "label", "Wuhan Municipal Public Security Bureau")); // by code: never the province's unit id
        assertThat(firstLot(federation.sent.get(3))).doesNotContainKey("designation");
        for (Message m : federation.sent) {
            apply(m);
        }

        assertThat(replica(forWuhan)).isEqualTo(new Designation(Designation.Kind.ORG_UNIT, null,
                central.id("tp_org_unit", "P42-WUHAN"), "Wuhan Municipal Public Security Bureau"));
        assertThat(replica(forHubei)).isEqualTo(new Designation(Designation.Kind.PROVINCE, "42", null, "Hubei"));
        assertThat(replica(frontLine)).isEqualTo(new Designation(Designation.Kind.FRONT_LINE, null, null, null));
        assertThat(replica(plain)).isNull();
        // and central's inventory answers it as the lot's designation (lot view, trace)
        long atCentral = central.number("SELECT lot_id FROM tp_inv_replica_lot WHERE remote_lot_id = " + forHubei);
        assertThat(central.inventory.lot(ADMIN, atCentral).designation()).isEqualTo(replica(forHubei));
    }

    @Test
    void aReplicaMadeFromA10PostingLearnsItsDesignationFromTheNextOne() throws Exception {
        long lot = donated("HB-WH-01", 80, Designation.province("42"));
        Message first = federation.sent.get(0);
        Map<String, Object> lot10 = new HashMap<>(firstLot(first));
        lot10.remove("designation");
        Map<String, Object> body10 = new HashMap<>(first.body());
        body10.put("lots", List.of(lot10));
        apply(new Message(first.id(), first.type(), "1.0", first.from(), first.to(), first.occurredAt(), body10));
        assertThat(replica(lot)).isNull();

        province.inventory.adjust(ADMIN, new NewAdjustment(lot, 2L, AdjustmentReason.FOUND, null, null), null);
        apply(federation.sent.get(1));
        assertThat(replica(lot)).isEqualTo(new Designation(Designation.Kind.PROVINCE, "42", null, "Hubei"));
        assertThat(central.number("SELECT SUM(on_hand) FROM tp_inv_balance")).isEqualTo(82);
    }

    @Test
    void aDesignationForAnOrgUnitCentralDoesNotKnowIsRefusedAndNothingIsWritten() throws Exception {
        donated("HB-WH-01", 80, Designation.orgUnit(province.id("tp_org_unit", "P42-WUHAN")));
        Message m = federation.sent.get(0);
        Map<String, Object> lot = new HashMap<>(firstLot(m));
        lot.put("designation", Map.of("kind", "ORG_UNIT", "orgUnitCode", "P42-GONE"));
        Map<String, Object> body = new HashMap<>(m.body());
        body.put("lots", List.of(lot));
        assertThatThrownBy(() -> apply(new Message(m.id(), m.type(), m.version(), m.from(), m.to(), m.occurredAt(),
                body))).isInstanceOf(ValidationException.class).hasMessageContaining("P42-GONE");
        assertThat(central.number("SELECT COUNT(*) FROM tp_inv_lot")).isZero();
        assertThat(central.number("SELECT COUNT(*) FROM tp_inv_movement")).isZero();
    }
}
