package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TestData.tracking;
import static org.tongpao.transport.internal.TransportFixture.OFFICER;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.SlaMilestone;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.api.TrackingStatus;

/** The watch: pulls tracking from PULL carriers and flags late shipments, each alert once. */
class SlaScannerTest {
    final TransportFixture f = new TransportFixture();
    final FakeCarrier puller = f.install(FakeCarrier.pulled("puller"));
    final Instant booked = f.clock.now;

    @AfterEach
    void tearDown() {
        f.close();
    }

    Shipment book() {
        return f.transport.book(OFFICER, aShipment()
                .fromDepotId(f.depot("CENTRAL-RESERVE"))
                .toDepotId(f.depot("HB-WH-01"))
                .carrierId("puller").build(), null);
    }

    @Test
    void aShipmentPastItsAcceptanceDeadlineIsFlaggedOnce() {
        Shipment late = book();
        Shipment onTime = book();
        puller.reports(onTime.waybill(), tracking(onTime.waybill(), TrackingStatus.ACCEPTED,
                booked.plusSeconds(600)));
        f.clock.now = booked.plus(Duration.ofMinutes(61));

        ScanResult first = f.transport.scan();

        assertThat(first).isEqualTo(new ScanResult(2, 1, 0, 1));
        assertThat(f.topics()).containsExactly("shipment/BOOKED", "shipment/BOOKED", "shipment/STATUS", "sla/BREACHED");
        assertThat(f.events().get(3).getProperty("id")).isEqualTo(late.id());
        assertThat(f.events().get(3).getProperty("milestone")).isEqualTo("ACCEPT");
        assertThat(f.transport.shipment(OFFICER, onTime.id()).status()).isEqualTo(ShipmentStatus.ACCEPTED);
        assertThat(f.transport.shipments(OFFICER, new ShipmentFilter(null, null, SlaState.BREACHED, null, null), 50, null)
                .items()).extracting(Shipment::id).containsExactly(late.id());
        // nothing new: no second alert, and the pulled event is a known one
        assertThat(f.transport.scan()).isEqualTo(new ScanResult(2, 0, 0, 0));
        assertThat(f.topics()).hasSize(4);
    }

    @Test
    void aPromiseInItsLastFifthIsAtRiskThenBreached() {
        Shipment s = book();
        f.clock.now = booked.plus(Duration.ofMinutes(49)); // accept within 1 h: at risk from minute 48
        assertThat(f.transport.scan().newAlerts()).isEqualTo(1);
        assertThat(f.transport.shipment(OFFICER, s.id()).sla().milestones()).extracting(SlaMilestone::state)
                .containsExactly(SlaState.AT_RISK, SlaState.PENDING, SlaState.PENDING);
        f.clock.now = booked.plus(Duration.ofHours(4));
        // acceptance breached, pick-up (due at 4 h) breached now too
        assertThat(f.transport.scan().newAlerts()).isEqualTo(2);
        assertThat(f.topics()).containsExactly("shipment/BOOKED", "sla/AT_RISK", "sla/BREACHED", "sla/BREACHED");
        assertThat(f.transport.carrier(OFFICER, "puller").performance().openBreaches()).isEqualTo(1);
    }

    @Test
    void aCarrierAnsweringWithAnotherWaybillsEventsCountsAsAFailedPull() {
        Shipment s = book();
        puller.reports(s.waybill(), tracking("OTHER-1", TrackingStatus.ACCEPTED, booked.plusSeconds(60)));
        assertThat(f.transport.scan()).isEqualTo(new ScanResult(1, 0, 1, 0));
        assertThat(f.transport.events(OFFICER, s.id())).isEmpty();
    }

    @Test
    void theWatchLooksOnlyAtShipmentsWhoseNextSlaMomentHasCome() {
        f.install(FakeCarrier.pushing("pusher"));
        Shipment s = f.transport.book(OFFICER, aShipment().fromDepotId(f.depot("CENTRAL-RESERVE"))
                .toDepotId(f.depot("HB-WH-01")).carrierId("pusher").build(), null);
        f.clock.now = booked.plus(Duration.ofMinutes(47)); // at risk from minute 48
        assertThat(f.transport.scan()).isEqualTo(new ScanResult(0, 0, 0, 0));
        f.clock.now = booked.plus(Duration.ofMinutes(50));
        assertThat(f.transport.scan()).isEqualTo(new ScanResult(1, 0, 0, 1));
        // flagged at risk: the next moment is the deadline itself, not looked at before
        f.clock.now = booked.plus(Duration.ofMinutes(59));
        assertThat(f.transport.scan()).isEqualTo(new ScanResult(0, 0, 0, 0));
        // the carrier accepts: the next moment moves on to pick-up's warning (4 h window: from 3 h 12 min)
        f.transport.pushFromBundle("pusher", java.util.List.of(tracking(s.waybill(), TrackingStatus.ACCEPTED,
                f.clock.now)));
        f.clock.now = booked.plus(Duration.ofMinutes(61));
        assertThat(f.transport.scan()).isEqualTo(new ScanResult(0, 0, 0, 0));
        f.clock.now = booked.plus(Duration.ofMinutes(193));
        assertThat(f.transport.scan()).isEqualTo(new ScanResult(1, 0, 0, 1));
    }
}
