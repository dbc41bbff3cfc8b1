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
    private static final Caller JIANGSU_LINK = Caller.of("node:province:32", Set.of("province-officer", "province-32"),
            "link-32");
    private static final Caller CENTRAL_LINK = Caller.of("node:central", Set.of("ministry-admin"), "link-central");
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

    @Test
    void transfersTheProvinceSentStillInTransitComeBackAsItsOpenTransferOutsWithoutMovingStock() {
        f.receive("HB-PROV-01", "FIELD-TENT", 30, null);
        f.federated = true;
        // Hubei → Jiangsu mutual aid, forwarded by central and still on the road; an older one Jiangsu received
        sentByHubei("province:42/7", 12, "mutual-aid 7");
        sentByHubei("province:42/9", 4, "mutual-aid 9");
        f.centralStock.receipt(JIANGSU_LINK, "province:42/9", List.of(new CrossNodeTransfer.Line(1, "FIELD-TENT", 4,
                null, null, null, null, 4, 0, 0)), Instant.parse("2026-12-01T10:00:00Z"));
        // another province's transfer, in transit too (Jiangsu → central's reserve): not in Hubei's stream
        f.centralStock.accept(JIANGSU_LINK, transfer("province:32/5", "JS-PROV-01", "CENTRAL-RESERVE", 6, null));

        RebuildRun run = f.rebuilder(1).runHere(f.ADMIN, f.stream(), r -> { });

        assertThat(run.state()).isEqualTo(RebuildRun.DONE);
        assertThat(run.rowsApplied()).isEqualTo(run.rowsExpected());
        InventoryComponent hubei = f.provinceStock();
        assertThat(hubei.crossNodeTransfers(f.ADMIN, Transfer.Status.IN_TRANSIT, 50, null).items())
                .extracting(CrossNodeTransfer::id).containsExactly("province:42/7");
        CrossNodeTransfer out = hubei.crossNodeTransfer(f.ADMIN, "province:42/7");
        assertThat(out.role()).isEqualTo(CrossNodeTransfer.Role.SENT);
        assertThat(out.transferId()).isEqualTo(7L); // its own id, as Jiangsu's receipt names it
        assertThat(out.toNode()).isEqualTo("central");
        Transfer own = hubei.transfer(f.ADMIN, 7);
        assertThat(own.status()).isEqualTo(Transfer.Status.IN_TRANSIT);
        assertThat(own.quantity()).isEqualTo(12);
        // the goods left the ledger central replicated: the depot holds what central's replica holds, no second move
        String onHand = "SELECT COALESCE(SUM(b.on_hand), 0) FROM tp_inv_balance b JOIN tp_depot d ON d.id = b.depot_id"
                + " JOIN tp_item i ON i.id = b.item_id WHERE d.code = 'HB-PROV-01' AND i.code = 'FIELD-TENT'";
        assertThat(f.province.number(onHand)).isEqualTo(f.central.number(onHand)).isEqualTo(30);
        assertThat(f.province.number("SELECT COUNT(*) FROM tp_inv_movement WHERE transfer_id IS NOT NULL")).isZero();
        f.province.assertLedgerMatchesBalances();

        // Jiangsu's receipt, forwarded by central, closes it on the rebuilt node instead of parking there
        CrossNodeTransfer closed = hubei.receipt(CENTRAL_LINK, "province:42/7", List.of(new CrossNodeTransfer.Line(1,
                "FIELD-TENT", 12, null, null, null, null, 11, 1, 0)), Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(closed.status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(hubei.transfer(f.ADMIN, 7).status()).isEqualTo(Transfer.Status.RECEIVED);
        assertThat(hubei.transfer(f.ADMIN, 7).receivedQuantity()).isEqualTo(11);
        assertThat(f.province.number(onHand)).isEqualTo(30);

        // the numbering continues above every id Hubei gave a transfer central knows: no reuse of 9
        Transfer next = hubei.transferOut(f.ADMIN, org.tongpao.inventory.NewTransfer.builder()
                .fromDepotId(f.province.id("tp_depot", "HB-PROV-01")).toDepotId(f.province.id("tp_depot", "HB-WH-01"))
                .itemId(f.province.id("tp_item", "FIELD-TENT")).quantity(2L).build(), null);
        assertThat(next.id()).isGreaterThan(9);
    }

    @Test
    void aTransferOutRestoredTwiceIsRecordedOnce() {
        f.receive("HB-PROV-01", "FIELD-TENT", 30, null);
        f.federated = true;
        sentByHubei("province:42/7", 12, null);
        f.rebuilder(500).runHere(f.ADMIN, f.stream(), r -> { });
        InventoryComponent hubei = f.provinceStock();

        CrossNodeTransfer again = hubei.restoreSent(CENTRAL_LINK, f.centralStock.crossNodeTransfer(f.ADMIN,
                "province:42/7"));

        assertThat(again.transferId()).isEqualTo(7L);
        assertThat(hubei.transfers(f.ADMIN, Transfer.Status.IN_TRANSIT, null, 50, null).items()).hasSize(1);
    }

    private void sentByHubei(String id, long qty, String reference) {
        CrossNodeTransfer forwarded = f.centralStock.accept(HUBEI_LINK, transfer(id, "HB-PROV-01", "JS-PROV-01", qty,
                reference));
        assertThat(forwarded.role()).isEqualTo(CrossNodeTransfer.Role.FORWARDED);
    }

    private static CrossNodeTransfer transfer(String id, String from, String to, long qty, String reference) {
        return new CrossNodeTransfer(id, null, null, id.substring(0, id.lastIndexOf('/')), null, from, to, "FIELD-TENT",
                qty, Transfer.Status.IN_TRANSIT, 0, 0, reference, Instant.parse("2026-11-30T08:00:00Z"), null,
                List.of(new CrossNodeTransfer.Line(1, "FIELD-TENT", qty, null, "DONATION", "JD-7", id + "-lot", 0, 0, 0)));
    }

    @SuppressWarnings("unchecked")
    private static List<CrossNodeTransfer.Line> counted(Event receipt) {
        return ((List<Map<String, Object>>) receipt.getProperty("lines")).stream().map(l -> new CrossNodeTransfer.Line(
                ((Number) l.get("lineNo")).intValue(), (String) l.get("itemCode"), 0, null, null, null, null,
                ((Number) l.get("received")).longValue(), ((Number) l.get("short")).longValue(),
                ((Number) l.get("damaged")).longValue())).toList();
    }
}
