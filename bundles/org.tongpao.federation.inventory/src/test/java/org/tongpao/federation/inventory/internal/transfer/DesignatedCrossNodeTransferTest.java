package org.tongpao.federation.inventory.internal.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NodeDesignation;
import org.tongpao.inventory.Transfer;

/**
 * A designated lot moved to another node keeps its designation there (transfer.dispatched 1.1): the receiver's
 * transfer-in lot inherits it exactly as a local transfer's lot does, so the rule holds after the move. Real
 * databases, one per node, messages applied as the inbox does.
 */
class DesignatedCrossNodeTransferTest implements TestCallers {
    private final Node central = Node.central();
    private final Node hubei = Node.province("42");

    @AfterEach
    void close() {
        central.close();
        hubei.close();
    }

    private static long donated(Node node, String depot, long qty, Designation d) {
        return node.inventory.receive(ADMIN, NewReceipt.builder().depotId(node.id("tp_depot", depot))
                .itemId(node.id("tp_item", "MASK-KN95")).quantity(qty).origin(LotOrigin.DONATION)
                .sourceDocument("DON-2020-0042").expiryDate(LocalDate.of(2031, 1, 1)).designation(d).build(), null).id();
    }

    private static Transfer transfer(Node node, String from, String to, long qty) {
        return node.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(node.id("tp_depot", from))
                .toDepotId(node.id("tp_depot", to)).itemId(node.id("tp_item", "MASK-KN95")).quantity(qty).build(), null);
    }

    /** Receives the one inbound transfer at Hubei in full and answers the lot it made at HB-WH-01. */
    private Lot receivedAtWuhan() {
        List<Transfer> inTransit = hubei.inventory.transfers(HUBEI, Transfer.Status.IN_TRANSIT, null, 50, null).items();
        assertThat(inTransit).hasSize(1);
        Transfer in = inTransit.get(0);
        hubei.inventory.receiveTransfer(HUBEI, in.id(), in.quantity(), 0, null, null);
        long lotId = hubei.number("SELECT MAX(id) FROM tp_inv_lot WHERE origin = 'TRANSFER' AND depot_id = ?",
                hubei.id("tp_depot", "HB-WH-01"));
        return hubei.inventory.lot(ADMIN, lotId);
    }

    @Test
    void aProvinceDesignatedLotKeepsItsDesignationAtTheReceiverWhichRefusesToMoveItOut() {
        long lot = donated(central, "CENTRAL-RESERVE", 50, Designation.province("42"));
        assertThat(central.inventory.lot(ADMIN, lot).designation().label()).isEqualTo("Hubei");
        transfer(central, "CENTRAL-RESERVE", "HB-WH-01", 50); // allowed: the depot is in province 42

        Message dispatched = central.take(TransferMessages.DISPATCHED);
        assertThat(dispatched.version()).isEqualTo("1.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) dispatched.body().get("lines")).get(0);
        assertThat(line).containsEntry("designation", Map.of("kind", "PROVINCE", "provinceCode", "42", "label", "Hubei"));

        hubei.deliver(dispatched);
        assertThat(hubei.inventory.crossNodeTransfers(HUBEI, Transfer.Status.IN_TRANSIT, 50, null).items().get(0)
                .lines()).extracting(CrossNodeTransfer.Line::designation)
                .containsExactly(new NodeDesignation(Designation.Kind.PROVINCE, "42", null, "Hubei"));
        Lot arrived = receivedAtWuhan();
        assertThat(arrived.designation()).isEqualTo(new Designation(Designation.Kind.PROVINCE, "42", null, "Hubei"));
        assertThat(arrived.onHand()).isEqualTo(50);

        // the rule holds after the move: out of province 42 is refused (409), inside it goes
        assertThatThrownBy(() -> transfer(hubei, "HB-WH-01", "JS-PROV-01", 10))
                .isInstanceOf(ConflictException.class).hasMessageContaining("designated for province 42");
        assertThat(hubei.number("SELECT COUNT(*) FROM tp_inv_transfer WHERE transfer_status = 'IN_TRANSIT'")).isZero();
        assertThat(transfer(hubei, "HB-WH-01", "HB-PROV-01", 10).status()).isEqualTo(Transfer.Status.IN_TRANSIT);
    }

    @Test
    void anOrgUnitDesignationTravelsByCodeThroughCentralBetweenProvinces() {
        try (Node jiangsu = Node.province("32")) {
            long wuhanAtJiangsu = jiangsu.id("tp_org_unit", "P42-WUHAN");
            donated(jiangsu, "JS-PROV-01", 30, Designation.orgUnit(wuhanAtJiangsu));
            Transfer out = transfer(jiangsu, "JS-PROV-01", "HB-WH-01", 30); // HB-WH-01 belongs to the Wuhan bureau

            Message dispatched = jiangsu.take(TransferMessages.DISPATCHED);
            @SuppressWarnings("unchecked")
            Map<String, Object> designation = (Map<String, Object>) ((List<Map<String, Object>>) dispatched.body()
                    .get("lines")).get(0).get("designation");
            assertThat(designation).containsEntry("kind", "ORG_UNIT").containsEntry("orgUnitCode", "P42-WUHAN")
                    .doesNotContainKey("orgUnitId"); // never a node's local id
            central.deliver(dispatched);
            assertThat(central.inventory.crossNodeTransfer(ADMIN, out.crossNodeId()).lines())
                    .extracting(l -> l.designation().orgUnitCode()).containsExactly("P42-WUHAN");

            hubei.deliver(central.take(TransferMessages.DISPATCHED));
            Lot arrived = receivedAtWuhan();
            assertThat(arrived.designation().kind()).isEqualTo(Designation.Kind.ORG_UNIT);
            assertThat(arrived.designation().orgUnitId()).isEqualTo(hubei.id("tp_org_unit", "P42-WUHAN"));

            // the provincial warehouse is not under the Wuhan bureau: refused there as it would be at the sender
            assertThatThrownBy(() -> transfer(hubei, "HB-WH-01", "HB-PROV-01", 5))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("org unit");
        }
    }

    @Test
    void aDesignationForAUnitTheReceiverDoesNotKnowYetIsRefusedAndNothingIsWritten() {
        donated(central, "CENTRAL-RESERVE", 20, Designation.frontLine());
        transfer(central, "CENTRAL-RESERVE", "HB-WH-01", 20);
        Message dispatched = central.take(TransferMessages.DISPATCHED);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) dispatched.body().get("lines");
        assertThat(lines.get(0)).containsEntry("designation", Map.of("kind", "FRONT_LINE"));

        Map<String, Object> line = new HashMap<>(lines.get(0));
        line.put("designation", Map.of("kind", "ORG_UNIT", "orgUnitCode", "P42-NOT-YET"));
        Map<String, Object> body = new HashMap<>(dispatched.body());
        body.put("lines", List.of(line));
        Message unknownUnit = new Message(dispatched.id() + "-b", dispatched.type(), dispatched.version(),
                dispatched.from(), dispatched.to(), dispatched.occurredAt(), body);
        assertThatThrownBy(() -> hubei.deliver(unknownUnit)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("P42-NOT-YET");
        assertThat(hubei.number("SELECT COUNT(*) FROM tp_inv_xnode_transfer")).isZero();
        assertThat(hubei.number("SELECT COUNT(*) FROM tp_inv_transfer")).isZero();

        // a 1.0 sender's dispatch (no designation) still applies: the lot arrives undesignated, as before
        line.remove("designation");
        body.put("lines", List.of(line));
        hubei.deliver(new Message(dispatched.id() + "-c", dispatched.type(), "1.0", dispatched.from(),
                dispatched.to(), dispatched.occurredAt(), body));
        assertThat(receivedAtWuhan().designation()).isNull();
    }
}
