package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;

/**
 * MOVEMENT and LOT_STATUS carry what a replica needs (the posting's lines, its lots' details, when it happened),
 * so a forwarder taking them inside the write's transaction never reads back; a posting of many lines is
 * announced in parts that fit the outbox.
 */
class SelfContainedEventsTest extends WithFixture {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Event e, String key) {
        return (List<Map<String, Object>>) e.getProperty(key);
    }

    @Test
    void aTransferReceiptCarriesItsLinesAndTheNewLotsWithTheirParents() {
        long source = f.receive(f.jiangsu, f.kn95, 50, TODAY.plusYears(1));
        Transfer t = f.inventory.transferOut(ADMIN, NewTransfer.builder().fromDepotId(f.jiangsu).toDepotId(f.wuhan)
                .itemId(f.kn95).quantity(50L).sourceDocument("MA-7").build(), null);
        f.inventory.receiveTransfer(ADMIN, t.id(), 45, 5, null, null);

        Event in = f.events(InventoryTopics.MOVEMENT).get(2);
        assertThat(in.getProperty("operation")).isEqualTo("transfer-in");
        assertThat(in.getProperty("occurredAt")).isEqualTo(f.clock.instant().toString());
        assertThat(in.getProperty("part")).isEqualTo(1);
        assertThat(in.getProperty("parts")).isEqualTo(1);
        assertThat(list(in, "lines")).extracting(l -> l.get("type"), l -> l.get("quantity"), l -> l.get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TRANSFER_IN", 50L, null),
                        org.assertj.core.groups.Tuple.tuple("ADJUSTMENT", -5L, "LOSS"),
                        org.assertj.core.groups.Tuple.tuple("WRITE_OFF", -5L, "DAMAGED"));
        assertThat(list(in, "lines")).allSatisfy(l -> assertThat(l).containsEntry("itemId", f.kn95)
                .containsEntry("transferId", t.id()));
        assertThat(list(in, "lots")).singleElement().satisfies(lot -> assertThat(lot)
                .containsEntry("itemId", f.kn95).containsEntry("origin", "TRANSFER")
                .containsEntry("sourceDocument", "MA-7").containsEntry("expiryDate", TODAY.plusYears(1).toString())
                .containsEntry("receivedOn", TODAY.toString()).containsEntry("status", "AVAILABLE")
                .containsEntry("parentLotId", source).containsEntry("receivedQuantity", 50L));
    }

    @Test
    void aLotStatusChangeCarriesTheLotAsChanged() {
        long lot = f.receive(f.wuhan, f.kn95, 10, TODAY.plusYears(1));
        f.inventory.changeLotStatus(ADMIN, lot, new LotStatusChange(LotStatus.RECALLED, "maker's recall"), null);
        Event e = f.events(InventoryTopics.LOT_STATUS).get(0);
        assertThat(e.getProperty("occurredAt")).isEqualTo(f.clock.instant().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) e.getProperty("lot");
        assertThat(details).containsEntry("lotId", lot).containsEntry("status", "RECALLED")
                .doesNotContainKey("parentLotId");
    }

    @Test
    void aPostingOfManyLinesIsAnnouncedInParts() {
        List<NewCount.Line> lines = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            lines.add(new NewCount.Line(f.kn95, f.receive(f.wuhan, f.kn95, 10, TODAY.plusYears(1)), 9L));
        }
        int before = f.events(InventoryTopics.MOVEMENT).size();
        f.inventory.count(ADMIN, new NewCount(f.wuhan, lines, null), null);
        List<Event> parts = f.events(InventoryTopics.MOVEMENT).subList(before, before + 3);
        assertThat(f.events(InventoryTopics.MOVEMENT)).hasSize(before + 3);
        assertThat(parts).extracting(e -> e.getProperty("part")).containsExactly(1, 2, 3);
        assertThat(parts).allSatisfy(e -> {
            assertThat(e.getProperty("parts")).isEqualTo(3);
            assertThat(list(e, "lots")).hasSameSizeAs(list(e, "lines"));
        });
        assertThat(parts.stream().mapToInt(e -> list(e, "lines").size()).sum()).isEqualTo(90);
        assertThat(parts).extracting(e -> e.getProperty("postingId")).containsOnly(parts.get(0).getProperty("postingId"));
        assertThat(f.unpublished()).isZero();
    }
}
