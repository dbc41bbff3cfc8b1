package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TransportFixture.ADMIN;
import static org.tongpao.transport.internal.TransportFixture.ADMIN2;
import static org.tongpao.transport.internal.TransportFixture.HUBEI;
import static org.tongpao.transport.internal.TransportFixture.OFFICER;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.ShipmentReturn;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/**
 * Goods handed over that come back: a carrier's cancellation or return after hand-over (the carrier keeps the SLA
 * blame), a recall by the ministry (the clock stops); back into the sending depot, or carried on by another carrier.
 */
class ShipmentReturnsTest {
    final TransportFixture f = new TransportFixture();
    FakeCarrier swift;
    long central;
    long wuhan;
    long kn95;
    Batch batch;

    @BeforeEach
    void approvedBatchOf600MasksFromTheCentralReserveToWuhan() {
        swift = f.install(FakeCarrier.pushing("swift"));
        f.install(FakeCarrier.pushing("relay"));
        central = f.depot("CENTRAL-RESERVE");
        wuhan = f.depot("HB-WH-01");
        kn95 = f.catalogue.getByCode(ADMIN, "MASK-KN95").id();
        f.inventory.receive(ADMIN, new NewReceipt(central, kn95, 1000L, LotOrigin.PURCHASE_ORDER, "PO-1",
                LocalDate.now().plusYears(2), null), null);
        f.needs.create(ADMIN, new NewNeed(f.units.getByCode(ADMIN, "P42-WUHAN-JIANGAN-T01").id(), kn95, null, 600L,
                Urgency.IMMEDIATE, null, null, "epidemic", null, wuhan), null);
        long plan = f.allocation.propose(ADMIN, new PlanRequest(kn95, null, "42", null, null), null).id();
        batch = f.allocation.approve(ADMIN2, plan, null);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    Shipment dispatched() {
        Shipment s = f.transport.book(OFFICER, aShipment().batchId(batch.id()).carrierId("swift").build(), null);
        if (s.keyArea()) {
            f.transport.attachPass(OFFICER, s.id(), new EntryPass("WH-1", "Wuhan HQ", f.clock.now.minus(Duration.ofHours(1)),
                    f.clock.now.plus(Duration.ofDays(2)), "鄂A·J1234", "Wang Jun"), null);
        }
        Shipment out = f.transport.dispatch(OFFICER, s.id(), null);
        assertThat(f.inventory.available(ADMIN, central, kn95)).isEqualTo(400);
        return out;
    }

    /** The carrier reports {@code after} from now (the clock moves on to that moment). */
    void carrierReports(Shipment s, TrackingStatus status, String note, Duration after) {
        f.clock.now = f.clock.now.plus(after);
        f.transport.pushFromBundle("swift", List.of(new TrackingEvent(s.waybill(), status, f.clock.now, null, note,
                null)));
    }

    BatchLine line() {
        return f.allocation.batch(ADMIN, batch.id()).lines().get(0);
    }

    @Test
    void aCarrierCancellingAfterHandOverStartsAReturnAndKeepsTheBlameThenTheGoodsComeBackIntoStock() {
        Shipment s = dispatched();
        carrierReports(s, TrackingStatus.PICKED_UP, null, Duration.ofMinutes(30));
        carrierReports(s, TrackingStatus.CANCELLED, "truck broke down", Duration.ofHours(2));
        Shipment returning = f.transport.shipment(OFFICER, s.id());
        assertThat(returning.status()).isEqualTo(ShipmentStatus.RETURNING);
        ShipmentReturn ret = f.transport.shipmentReturn(OFFICER, s.id());
        assertThat(ret.cause()).isEqualTo(ShipmentReturn.Cause.CARRIER);
        assertThat(ret.reason()).isEqualTo("carrier swift reported CANCELLED: truck broke down");
        assertThat(ret.outcome()).isNull();
        assertThat(f.topics()).contains("shipment/RETURNING");

        // the delivery it promised passes: still the carrier's breach, raised by the watch and in its record
        f.clock.now = f.clock.now.plus(Duration.ofHours(25));
        assertThat(f.transport.shipment(OFFICER, s.id()).sla().state()).isEqualTo(SlaState.BREACHED);
        assertThat(f.transport.scan().newAlerts()).isEqualTo(1);
        assertThat(f.transport.shipments(OFFICER, new ShipmentFilter(null, null, SlaState.BREACHED, null, null), 50, null)
                .items()).extracting(Shipment::id).containsExactly(s.id());
        assertThat(f.transport.carrier(OFFICER, "swift").performance().openBreaches()).isEqualTo(1);
        // nothing arrives at the destination any more
        assertThatThrownBy(() -> f.transport.receive(HUBEI, s.id(), List.of(), null)).isInstanceOf(ConflictException.class);

        Shipment back = f.transport.receiveReturn(OFFICER, s.id(), null, "back-1");
        assertThat(back.status()).isEqualTo(ShipmentStatus.RETURNED);
        assertThat(f.inventory.available(ADMIN, central, kn95)).isEqualTo(1000);
        assertThat(line().status()).isEqualTo("RETURNED");
        assertThat(line().reason()).isEqualTo("returned: carrier swift reported CANCELLED: truck broke down");
        assertThat(f.allocation.batch(ADMIN, batch.id()).status()).isEqualTo(BatchStatus.RETURNED);
        assertThat(f.inventory.movements(ADMIN, new MovementFilter(central, kn95, MovementType.TRANSFER_IN, null, null),
                50, null).items()).singleElement().satisfies(m -> {
                    assertThat(m.quantity()).isEqualTo(600);
                    assertThat(m.transferId()).isEqualTo(line().transferId());
                });
        assertThat(f.transport.shipmentReturn(OFFICER, s.id()).outcome()).isEqualTo(ShipmentReturn.Outcome.RETURNED);
        // a repeat changes nothing
        assertThat(f.transport.receiveReturn(OFFICER, s.id(), null, "back-1").version()).isEqualTo(back.version());
        assertThat(f.inventory.available(ADMIN, central, kn95)).isEqualTo(1000);
        assertThat(f.topics()).endsWith("shipment/RETURNED");
    }

    @Test
    void aRecallByTheMinistryStopsTheClockWithoutBlamingTheCarrier() {
        Shipment booked = f.transport.book(OFFICER, aShipment().batchId(batch.id()).carrierId("swift").build(), null);
        assertThatThrownBy(() -> f.transport.recall(OFFICER, booked.id(), null, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cancel it instead");
        assertThatThrownBy(() -> f.transport.shipmentReturn(OFFICER, booked.id())).isInstanceOf(NotFoundException.class);
        f.transport.cancel(OFFICER, booked.id(), null, null);
        Shipment s = dispatched();

        Shipment recalled = f.transport.recall(OFFICER, s.id(), "diverted to Xiaogan", "recall-1");

        assertThat(recalled.status()).isEqualTo(ShipmentStatus.RETURNING);
        assertThat(swift.cancelled).contains(s.waybill());
        ShipmentReturn ret = f.transport.shipmentReturn(OFFICER, s.id());
        assertThat(ret.cause()).isEqualTo(ShipmentReturn.Cause.MINISTRY);
        assertThat(ret.startedBy()).isEqualTo("officer");
        f.clock.now = f.clock.now.plus(Duration.ofHours(25));
        assertThat(f.transport.shipment(OFFICER, s.id()).sla().milestones()).isEmpty();
        assertThat(f.transport.scan().newAlerts()).isZero();
        assertThat(f.transport.shipments(OFFICER, new ShipmentFilter(null, null, SlaState.BREACHED, null, null), 50, null)
                .items()).isEmpty();
        assertThat(f.transport.carrier(OFFICER, "swift").performance().openBreaches()).isZero();
        // a later report of the carrier does not take the recall back
        carrierReports(s, TrackingStatus.IN_TRANSIT, null, Duration.ZERO);
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.RETURNING);
    }

    @Test
    void returningGoodsCarriedOnByAnotherCarrierStayInTransitAndArriveThroughTheNewShipment() {
        Shipment s = dispatched();
        carrierReports(s, TrackingStatus.RETURNED, "refused at the Wuhan checkpoint", Duration.ofHours(1));
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.RETURNING);

        Shipment next = f.transport.rebookReturn(OFFICER, s.id(), "relay", "rebook-1");

        assertThat(next.id()).isNotEqualTo(s.id());
        assertThat(next.carrierId()).isEqualTo("relay");
        assertThat(next.status()).isEqualTo(next.keyArea() ? ShipmentStatus.BOOKED : ShipmentStatus.DISPATCHED);
        assertThat(f.transport.rebookReturn(OFFICER, s.id(), "relay", "rebook-1").id()).isEqualTo(next.id());
        ShipmentReturn ret = f.transport.shipmentReturn(OFFICER, s.id());
        assertThat(ret.outcome()).isEqualTo(ShipmentReturn.Outcome.REBOOKED);
        assertThat(ret.rebookedAs()).isEqualTo(next.id());
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.RETURNED);
        assertThat(line().status()).isEqualTo("DISPATCHED");
        assertThat(line().reason()).startsWith("re-booked on " + next.number() + " with relay after carrier swift "
                + "reported RETURNED");
        assertThat(f.inventory.available(ADMIN, central, kn95)).isEqualTo(400);
        if (next.keyArea()) {
            f.transport.attachPass(OFFICER, next.id(), new EntryPass("WH-2", "Wuhan HQ",
                    f.clock.now.minus(Duration.ofHours(1)), f.clock.now.plus(Duration.ofDays(2)), "鄂A·J1235", "Li Na"),
                    null);
            f.transport.dispatch(OFFICER, next.id(), null);
        }
        Shipment received = f.transport.receive(HUBEI, next.id(), List.of(), null);
        assertThat(received.status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(f.inventory.available(ADMIN, wuhan, kn95)).isEqualTo(600);
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.RETURNED);
    }

    @Test
    void aCarriersCancellationBeforeHandOverIsACancellation() {
        Shipment s = f.transport.book(OFFICER, aShipment().batchId(batch.id()).carrierId("swift").build(), null);
        carrierReports(s, TrackingStatus.CANCELLED, "no trucks", Duration.ofMinutes(5));
        assertThat(f.transport.shipment(OFFICER, s.id()).status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThatThrownBy(() -> f.transport.shipmentReturn(OFFICER, s.id())).isInstanceOf(NotFoundException.class);
    }
}
