package org.tongpao.federation.inventory.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.Caller;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.internal.InventoryComponent;

/**
 * Transfers on their way to a depot of the rebuilt province travel in the rebuild stream: the rebuilt node holds them
 * as its inbound transfers and receives them as it would have, and its receipt closes the sender's side at central.
 */
class RebuiltTransfersTest {
    private static final Caller HUBEI_LINK = Caller.of("node:province:42", Set.of("province-officer", "province-42"),
            "link-42");
    private final RebuildFixture f = new RebuildFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void transfersInTransitToTheProvinceAreRestoredAndReceivedThere() {
        f.receive("HB-WH-01", "FIELD-TENT", 5, null);
        Transfer fromCentral = f.sendToHubei("HB-WH-01", "MASK-KN95", 40);
        // Jiangsu → Hubei through central: central forwarded it and keeps it in transit
        CrossNodeTransfer fromJiangsu = f.centralStock.accept(Caller.of("node:province:32", Set.of("province-officer",
                "province-32"), "link-32"), new CrossNodeTransfer("province:32/9", null, null, "province:32", null,
                        "JS-PROV-01", "HB-PROV-01", "FIELD-TENT", 12, Transfer.Status.IN_TRANSIT, 0, 0, "mutual-aid",
                        Instant.parse("2026-11-30T08:00:00Z"), null, List.of(new CrossNodeTransfer.Line(1, "FIELD-TENT",
                                12, null, "DONATION", "JD-7", "province:32/77", 0, 0, 0))));
        assertThat(fromJiangsu.role()).isEqualTo(CrossNodeTransfer.Role.FORWARDED);
        // one to Jiangsu is not Hubei's to receive
        f.sendToHubei("JS-PROV-01", "MASK-KN95", 3);

        RebuildRun run = f.rebuilder(1).runHere(f.ADMIN, f.stream(), r -> { });

        assertThat(run.state()).isEqualTo(RebuildRun.DONE);
        assertThat(run.rowsApplied()).isEqualTo(run.rowsExpected());
        InventoryComponent hubei = f.provinceStock();
        List<CrossNodeTransfer> inbound = hubei.crossNodeTransfers(f.ADMIN, Transfer.Status.IN_TRANSIT, 50, null).items();
        assertThat(inbound).extracting(CrossNodeTransfer::id)
                .containsExactlyInAnyOrder(fromCentral.crossNodeId(), "province:32/9");
        assertThat(inbound).allMatch(x -> x.role() == CrossNodeTransfer.Role.INBOUND && x.transferId() != null);
        CrossNodeTransfer restored = hubei.crossNodeTransfer(f.ADMIN, fromCentral.crossNodeId());
        assertThat(restored.fromNode()).isEqualTo("central");
        assertThat(restored.quantity()).isEqualTo(40);
        assertThat(restored.lines()).extracting(CrossNodeTransfer.Line::expiryDate).containsOnly(LocalDate.of(2031, 6, 1));

        // the rebuilt node receives it as usual: new lots, and the receipt that closes central's side
        hubei.receiveTransfer(f.HUBEI, restored.transferId(), 38, 1, "two cartons lost", null);
        assertThat(f.province.number("SELECT SUM(b.on_hand) FROM tp_inv_balance b JOIN tp_depot d ON d.id = b.depot_id"
                + " JOIN tp_item i ON i.id = b.item_id WHERE d.code = 'HB-WH-01' AND i.code = 'MASK-KN95'")).isEqualTo(37);
        f.province.assertLedgerMatchesBalances();
        Event receipt = f.province.core.outbox.events(InventoryTopics.CROSS_NODE_RECEIVED).get(0);
        assertThat(receipt.getProperty("toNode")).isEqualTo("central");
        CrossNodeTransfer closed = f.centralStock.receipt(HUBEI_LINK, fromCentral.crossNodeId(),
                counted(receipt), Instant.parse(receipt.getProperty("receivedAt").toString()));
        assertThat(closed.status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(f.centralStock.transfer(f.ADMIN, fromCentral.id()).status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(closed.receivedQuantity()).isEqualTo(38);
    }

    @Test
    void aTransferAlreadyRestoredIsNotDoubledWhenItsMessageArrivesFromTheQueue() {
        Transfer fromCentral = f.sendToHubei("HB-WH-01", "MASK-KN95", 40);
        f.rebuilder(500).runHere(f.ADMIN, f.stream(), r -> { });
        InventoryComponent hubei = f.provinceStock();
        CrossNodeTransfer restored = hubei.crossNodeTransfer(f.ADMIN, fromCentral.crossNodeId());

        // transfer.dispatched still in Hubei's down queue from before the disk was lost: the same id changes nothing
        CrossNodeTransfer again = hubei.accept(Caller.of("node:central", Set.of("ministry-admin"), "late"),
                f.centralStock.crossNodeTransfer(f.ADMIN, fromCentral.crossNodeId()));
        assertThat(again.transferId()).isEqualTo(restored.transferId());
        assertThat(hubei.transfers(f.ADMIN, Transfer.Status.IN_TRANSIT, null, 50, null).items()).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<CrossNodeTransfer.Line> counted(Event receipt) {
        return ((List<Map<String, Object>>) receipt.getProperty("lines")).stream().map(l -> new CrossNodeTransfer.Line(
                ((Number) l.get("lineNo")).intValue(), (String) l.get("itemCode"), 0, null, null, null, null,
                ((Number) l.get("received")).longValue(), ((Number) l.get("short")).longValue(),
                ((Number) l.get("damaged")).longValue())).toList();
    }
}
