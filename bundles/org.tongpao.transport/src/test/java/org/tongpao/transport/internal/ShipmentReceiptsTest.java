package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TestData.counted;
import static org.tongpao.transport.internal.TransportFixture.ADMIN;
import static org.tongpao.transport.internal.TransportFixture.HUBEI;
import static org.tongpao.transport.internal.TransportFixture.OFFICER;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.ConflictException;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.SlaState;

/** The receiving side confirms a batch shipment: the goods go into the real inventory, shortfall and damage too. */
class ShipmentReceiptsTest {
    final TransportFixture f = new TransportFixture();
    long central;
    long wuhan;
    long kn95;
    Batch batch;
    BatchLine line;

    @BeforeEach
    void approvedBatchOf600MasksForWuhan() {
        f.install(FakeCarrier.pushing("swift"));
        central = f.depot("CENTRAL-RESERVE");
        wuhan = f.depot("HB-WH-01");
        kn95 = f.catalogue.getByCode(ADMIN, "MASK-KN95").id();
        batch = f.approvedForHubei(central, 1000, ADMIN, new NewNeed(f.units.getByCode(ADMIN, "P42-WUHAN-JIANGAN-T01")
                .id(), kn95, null, 600L, Urgency.IMMEDIATE, null, null, "epidemic", null, wuhan));
        line = batch.lines().get(0);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    Shipment dispatched() {
        Shipment s = f.transport.book(OFFICER, aShipment()
                .batchId(batch.id())
                .carrierId("swift").build(), null);
        if (s.keyArea()) {
            f.transport.attachPass(OFFICER, s.id(), new EntryPass("WH-1", "Wuhan HQ", f.clock.now.minus(Duration.ofHours(1)),
                    f.clock.now.plus(Duration.ofDays(2)), "鄂A·J1234", "Wang Jun"), null);
        }
        return f.transport.dispatch(OFFICER, s.id(), null);
    }

    @Test
    void aReceiptWithShortfallAndDamagePostsThemToInventoryAndReceivesTheShipment() {
        Shipment s = dispatched();
        assertThat(s.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(f.inventory.available(ADMIN, central, kn95)).isEqualTo(400);

        Shipment received = f.transport.receive(HUBEI, s.id(), List.of(counted(line.id(), 590, 10, "wet cartons")), "rcv-1");

        assertThat(received.status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(received.receivedBy()).isEqualTo("hubei");
        // the receipt implies delivery: the SLA clock stopped, the proof names the receiving depot's officer
        assertThat(received.deliveredAt()).isEqualTo(f.clock.now);
        assertThat(received.proofOfDelivery().receivedBy()).isEqualTo("hubei");
        assertThat(received.sla().milestones()).allSatisfy(m -> assertThat(m.state()).isEqualTo(SlaState.MET));
        // 590 arrived, 10 of them damaged and written off, 10 short: 580 usable in Wuhan
        assertThat(f.inventory.available(ADMIN, wuhan, kn95)).isEqualTo(580);
        BatchLine after = f.allocation.batch(ADMIN, batch.id()).lines().get(0);
        assertThat(after.status()).isEqualTo("RECEIVED");
        assertThat(after.receivedQuantity()).isEqualTo(590);
        assertThat(after.damagedQuantity()).isEqualTo(10);
        assertThat(f.topics()).endsWith("shipment/STATUS", "shipment/RECEIVED");
        // a repeat changes nothing
        assertThat(f.transport.receive(HUBEI, s.id(), List.of(), "rcv-1").version()).isEqualTo(received.version());
        assertThat(f.inventory.available(ADMIN, wuhan, kn95)).isEqualTo(580);
    }

    @Test
    void linesReceivedThroughTheBatchReceiveTheShipmentAtTheNextScan() {
        Shipment s = dispatched();
        f.allocation.receive(HUBEI, batch.id(), List.of(counted(line.id(), 600, 0, null)), "batch-rcv");
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
        f.transport.scan(); // nothing due yet: the watch looks only at shipments whose next SLA moment has come
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
        f.clock.now = f.clock.now.plus(java.time.Duration.ofHours(2)); // acceptance overdue by now
        // no listener wired here: the watch's catch-up brings the shipment in line before it could be flagged
        assertThat(f.transport.scan().newAlerts()).isZero();
        Shipment received = f.transport.shipment(OFFICER, s.id());
        assertThat(received.status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(received.receivedBy()).isEqualTo("system"); // the watch acts as the system caller
        assertThat(f.inventory.available(ADMIN, wuhan, kn95)).isEqualTo(600);
    }

    @Test
    void onlyTheReceivingSideReceivesAndOnlyWhatWasDispatched() {
        Shipment booked = f.transport.book(OFFICER, aShipment()
                .batchId(batch.id())
                .carrierId("swift").build(), null);
        assertThatThrownBy(() -> f.transport.receive(HUBEI, booked.id(), List.of(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has not been dispatched");
        var jiangsu = org.tongpao.core.Caller.of("js", java.util.Set.of("province-officer", "province-32"), "req-js");
        assertThatThrownBy(() -> f.transport.receive(jiangsu, booked.id(), List.of(), null))
                .isInstanceOf(org.tongpao.core.NotFoundException.class);
        assertThat(f.inventory.available(ADMIN, wuhan, kn95)).isZero();
    }
}
