package org.tongpao.federation.inventory.internal.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.federation.Message;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfer.Role;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;

/**
 * A transfer between nodes is two documents, each written by its owner: the sender's transfer-out and the
 * receiver's inbound transfer, tied by {@code <sending node>/<transfer id>}, on real databases (one per node),
 * with messages applied as the inbox does.
 */
class CrossNodeTransferTest implements TestCallers {
    private final Node central = Node.central();
    private final Node hubei = Node.province("42");

    @AfterEach
    void close() {
        central.close();
        hubei.close();
    }

    private Transfer sendFromCentralToWuhan(long qty) {
        central.stock("CENTRAL-RESERVE", "MASK-KN95", 60);
        central.stock("CENTRAL-RESERVE", "MASK-KN95", 60);
        return central.inventory.transferOut(ADMIN, NewTransfer.builder()
                .fromDepotId(central.id("tp_depot", "CENTRAL-RESERVE")).toDepotId(central.id("tp_depot", "HB-WH-01"))
                .itemId(central.id("tp_item", "MASK-KN95")).quantity(qty).sourceDocument("allocation-batch:4 2026-004")
                .build(), null);
    }

    private Transfer inboundAtHubei() {
        List<Transfer> inTransit = hubei.inventory.transfers(HUBEI, Transfer.Status.IN_TRANSIT, null, 50, null).items();
        assertThat(inTransit).hasSize(1);
        return inTransit.get(0);
    }

    @Test
    void theReceiversShortfallAndDamageCloseTheSendersTransfer() {
        Transfer out = sendFromCentralToWuhan(100);
        assertThat(out.crossNodeId()).isEqualTo("central/" + out.id());
        Message dispatched = central.take(TransferMessages.DISPATCHED);
        assertThat(dispatched.to()).isEqualTo("province:42");
        assertThat(dispatched.body()).containsEntry("fromDepot", "CENTRAL-RESERVE").containsEntry("toDepot", "HB-WH-01")
                .containsEntry("reference", "allocation-batch:4 2026-004");
        assertThat((List<?>) dispatched.body().get("lines")).hasSize(2);

        hubei.deliver(dispatched);
        Transfer inbound = inboundAtHubei();
        assertThat(inbound.crossNodeId()).isEqualTo(out.crossNodeId());
        assertThat(inbound.quantity()).isEqualTo(100);
        // in transit on both sides: the sender's goods left, the receiver's have not arrived
        assertThat(central.inventory.transfer(ADMIN, out.id()).status()).isEqualTo(Transfer.Status.IN_TRANSIT);
        assertThat(hubei.inventory.crossNodeTransfer(HUBEI, out.crossNodeId()).role()).isEqualTo(Role.INBOUND);
        assertThat(central.inventory.crossNodeTransfers(ADMIN, Transfer.Status.IN_TRANSIT, 50, null).items())
                .extracting(CrossNodeTransfer::id).containsExactly(out.crossNodeId());

        // the sender may not receive it: only the receiving node does
        assertThatThrownBy(() -> central.inventory.receiveTransfer(ADMIN, out.id(), 100, 0, null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("province:42");

        hubei.inventory.receiveTransfer(HUBEI, inbound.id(), 95, 3, "two cartons wet", null);
        assertThat(hubei.number("SELECT SUM(b.on_hand) FROM tp_inv_balance b JOIN tp_depot d ON d.id = b.depot_id "
                + "WHERE d.code = 'HB-WH-01'")).isEqualTo(92);
        Message received = hubei.take(TransferMessages.RECEIVED);
        assertThat(received.to()).isEqualTo("central");

        central.deliver(received);
        Transfer closed = central.inventory.transfer(ADMIN, out.id());
        assertThat(closed.status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(closed.receivedQuantity()).isEqualTo(95);
        assertThat(closed.damagedQuantity()).isEqualTo(3);
        CrossNodeTransfer atCentral = central.inventory.crossNodeTransfer(ADMIN, out.crossNodeId());
        assertThat(atCentral.lines()).extracting(CrossNodeTransfer.Line::shortQuantity).containsExactly(0L, 5L);
        assertThat(atCentral.lines().stream().mapToLong(CrossNodeTransfer.Line::damagedQuantity).sum()).isEqualTo(3);
        assertThat(central.inventory.crossNodeTransfers(ADMIN, Transfer.Status.IN_TRANSIT, 50, null).items()).isEmpty();
    }

    @Test
    void repeatedMessagesChangeNothing() {
        Transfer out = sendFromCentralToWuhan(40);
        Message dispatched = central.take(TransferMessages.DISPATCHED);
        hubei.deliver(dispatched);
        hubei.deliver(dispatched);
        assertThat(hubei.number("SELECT COUNT(*) FROM tp_inv_transfer")).isEqualTo(1);

        hubei.inventory.receiveTransfer(HUBEI, inboundAtHubei().id(), 40, 0, null, null);
        Message received = hubei.take(TransferMessages.RECEIVED);
        central.deliver(received);
        long audit = central.number("SELECT COUNT(*) FROM tp_audit");
        central.deliver(received);
        assertThat(central.number("SELECT COUNT(*) FROM tp_audit")).isEqualTo(audit);
        assertThat(central.inventory.transfer(ADMIN, out.id()).receivedQuantity()).isEqualTo(40);
        assertThat(central.sent).isEmpty();

        // the same receipt with other figures is refused, and only the receiving depot's node may report one
        Map<String, Object> otherFigures = new java.util.HashMap<>(received.body());
        otherFigures.put("lines", List.of(Map.of("lineNo", 1L, "itemCode", "MASK-KN95", "received", 30L, "short", 10L,
                "damaged", 0L)));
        assertThatThrownBy(() -> central.deliver(new Message(received.id() + "-b", received.type(), received.version(),
                received.from(), received.to(), received.occurredAt(), otherFigures)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> central.deliver(new Message("province:32/9", received.type(), received.version(),
                "province:32", "central", received.occurredAt(), received.body())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(central.number("SELECT COUNT(*) FROM tp_audit")).isEqualTo(audit);
    }

    @Test
    void aProvinceCannotDispatchFromAnotherProvincesDepotThroughItsLink() {
        try (Node jiangsu = Node.province("32")) {
            jiangsu.stock("JS-PROV-01", "MASK-KN95", 10);
            jiangsu.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(jiangsu.id("tp_depot", "JS-PROV-01"))
                    .toDepotId(jiangsu.id("tp_depot", "CENTRAL-RESERVE")).itemId(jiangsu.id("tp_item", "MASK-KN95"))
                    .quantity(10L).build(), null);
            Message honest = jiangsu.take(TransferMessages.DISPATCHED);
            assertThat(honest.to()).isEqualTo("central");

            Map<String, Object> body = new java.util.HashMap<>(honest.body());
            body.put("fromDepot", "HB-WH-01");
            Message spoofed = new Message(honest.id() + "-spoof", honest.type(), honest.version(), honest.from(),
                    honest.to(), honest.occurredAt(), body);
            assertThatThrownBy(() -> central.deliver(spoofed)).isInstanceOf(AccessDeniedException.class);
            Message othersTransfer = new Message(honest.id() + "-other", honest.type(), honest.version(),
                    honest.from(), honest.to(), honest.occurredAt(), Map.of("transferId", "province:42/1",
                            "fromDepot", "JS-PROV-01", "toDepot", "CENTRAL-RESERVE", "lines", honest.body().get("lines")));
            assertThatThrownBy(() -> central.deliver(othersTransfer)).isInstanceOf(AccessDeniedException.class);
            assertThat(central.number("SELECT COUNT(*) FROM tp_inv_xnode_transfer")).isZero();

            central.deliver(honest); // central keeps its reserve's ledger: the inbound transfer is central's
            assertThat(central.inventory.transfers(ADMIN, Transfer.Status.IN_TRANSIT, null, 50, null).items())
                    .extracting(Transfer::crossNodeId).containsExactly((String) honest.body().get("transferId"));
        }
    }

    @Test
    void mutualAidBetweenTwoProvincesGoesThroughCentralWhichSeesItInTransit() {
        try (Node jiangsu = Node.province("32")) {
            jiangsu.stock("JS-PROV-01", "MASK-KN95", 30);
            Transfer out = jiangsu.inventory.transferOut(ADMIN, NewTransfer.builder()
                    .fromDepotId(jiangsu.id("tp_depot", "JS-PROV-01")).toDepotId(jiangsu.id("tp_depot", "HB-WH-01"))
                    .itemId(jiangsu.id("tp_item", "MASK-KN95")).quantity(30L).build(), null);
            central.deliver(jiangsu.take(TransferMessages.DISPATCHED));
            CrossNodeTransfer seen = central.inventory.crossNodeTransfer(ADMIN, out.crossNodeId());
            assertThat(seen.role()).isEqualTo(Role.FORWARDED);
            assertThat(seen.toNode()).isEqualTo("province:42");
            assertThat(central.number("SELECT COUNT(*) FROM tp_inv_transfer")).isZero();

            Message forwarded = central.take(TransferMessages.DISPATCHED);
            assertThat(forwarded.to()).isEqualTo("province:42");
            hubei.deliver(forwarded);
            hubei.inventory.receiveTransfer(HUBEI, inboundAtHubei().id(), 28, 0, null, null);
            central.deliver(hubei.take(TransferMessages.RECEIVED));
            assertThat(central.inventory.crossNodeTransfer(ADMIN, out.crossNodeId()).status())
                    .isEqualTo(Transfer.Status.RECEIVED);

            Message back = central.take(TransferMessages.RECEIVED);
            assertThat(back.to()).isEqualTo("province:32");
            jiangsu.deliver(back);
            Transfer closed = jiangsu.inventory.transfer(JIANGSU, out.id());
            assertThat(closed.status()).isEqualTo(Transfer.Status.RECEIVED);
            assertThat(closed.receivedQuantity()).isEqualTo(28);
        }
    }
}
