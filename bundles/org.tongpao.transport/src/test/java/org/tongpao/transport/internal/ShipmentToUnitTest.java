package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TestData.counted;
import static org.tongpao.transport.internal.TransportFixture.ADMIN;
import static org.tongpao.transport.internal.TransportFixture.HUBEI;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.NeedState;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.Transfer;
import org.tongpao.transport.CarrierQuote;
import org.tongpao.transport.QuoteRequest;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.PlaceKind;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.ShipmentStatus;

/** A batch line delivered straight to a front-line station: booked, dispatched, and its proof of delivery at the unit. */
class ShipmentToUnitTest {
    static final Caller JIANGSU = Caller.of("js", Set.of("province-officer", "province-32"), "req-js");
    static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-PROV-01"), "req-keeper");

    final TransportFixture f = new TransportFixture();
    long hbProv;
    long station;
    long kn95;
    Batch batch;
    BatchLine line;

    @BeforeEach
    void approvedBatchOf500MasksForTheStation() {
        TransportFixture.StationBatch given = f.approvedForStation();
        hbProv = given.depot();
        station = given.station();
        kn95 = given.item();
        batch = given.batch();
        line = batch.lines().get(0);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    Shipment dispatched() {
        Shipment s = f.transport.book(HUBEI, aShipment().batchId(batch.id()).carrierId("swift").build(), "book-1");
        assertThat(s.toUnit()).isTrue();
        assertThat(s.toOrgUnitId()).isEqualTo(station);
        assertThat(s.toOrgUnitCode()).isEqualTo("P42-WUHAN-JIANGAN-T01");
        assertThat(s.toDepotId()).isZero();
        assertThat(s.toDepotCode()).isNull();
        assertThat(s.toProvinceCode()).isEqualTo("42");
        assertThat(s.status()).isEqualTo(ShipmentStatus.BOOKED);
        return f.transport.dispatch(HUBEI, s.id(), null);
    }

    @Test
    void carriersQuoteAndBookADeliveryToTheUnitKnowingItIsAUnitAndItsArea() {
        FakeCarrier swift = f.install(FakeCarrier.pushing("swift2"));
        List<CarrierQuote> quotes = f.transport.quotes(HUBEI, QuoteRequest.builder().fromDepotId(hbProv)
                .toOrgUnitId(station).packages(10).weightKg(new BigDecimal("250")).build());
        assertThat(quotes).filteredOn(q -> q.carrierId().equals("swift2")).singleElement()
                .satisfies(q -> assertThat(q.quote()).isNotNull());
        Map.Entry<ShipmentOrder, Destination> quoted = swift.asked.get(0);
        assertThat(quoted.getKey().to().code()).isEqualTo("P42-WUHAN-JIANGAN-T01");
        // the unit has no address on record: its area is what the driver needs
        assertThat(quoted.getKey().to().address()).startsWith("湖北省公安厅 / 武汉市公安局 / ").endsWith("江岸区一线防疫工作队");
        assertThat(quoted.getValue().kind()).isEqualTo(PlaceKind.ORG_UNIT);
        assertThat(quoted.getValue().area()).isEqualTo(quoted.getKey().to().address());
        assertThat(quoted.getValue().keyArea()).isNull();

        f.transport.book(HUBEI, aShipment().batchId(batch.id()).carrierId("swift2").build(), null);
        assertThat(swift.asked).extracting(e -> e.getValue().kind()).containsOnly(PlaceKind.ORG_UNIT);
        // a depot destination is told as one
        f.transport.quotes(HUBEI, QuoteRequest.builder().fromDepotId(hbProv).toDepotId(f.depot("HB-WH-01"))
                .packages(10).weightKg(new BigDecimal("250")).build());
        assertThat(swift.asked.get(swift.asked.size() - 1).getValue().kind()).isEqualTo(PlaceKind.DEPOT);
    }

    @Test
    void aQuoteNamesExactlyOneDestinationAndOnlyAUnitTheCallerMaySee() {
        QuoteRequest.Builder q = QuoteRequest.builder().fromDepotId(hbProv).packages(10).weightKg(new BigDecimal("250"));
        assertThatThrownBy(() -> f.transport.quotes(HUBEI, q.toOrgUnitId(station).toDepotId(f.depot("HB-WH-01")).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        assertThatThrownBy(() -> f.transport.quotes(HUBEI, q.toOrgUnitId(null).toDepotId(null).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toDepotId"));
        long nanjing = f.units.getByCode(ADMIN, "P32-NANJING").id();
        assertThatThrownBy(() -> f.transport.quotes(HUBEI, q.toOrgUnitId(nanjing).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).contains("toOrgUnitId"));
    }

    @Test
    void theProofOfDeliveryIssuesToTheUnitFulfilsTheNeedAndReceivesTheShipment() {
        Shipment s = dispatched();
        BatchLine sent = f.allocation.batch(ADMIN, batch.id()).lines().get(0);
        assertThat(sent.status()).isEqualTo("DISPATCHED");
        Transfer inTransit = f.inventory.transfer(ADMIN, sent.transferId());
        assertThat(inTransit.toOrgUnitId()).isEqualTo(station);
        assertThat(f.inventory.available(ADMIN, hbProv, kn95)).isEqualTo(500);

        Shipment received = f.transport.receive(HUBEI, s.id(), List.of(), "pod-1");
        assertThat(received.status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(received.deliveredAt()).isNotNull();
        assertThat(received.proofOfDelivery().receivedBy()).isEqualTo("hubei");
        assertThat(f.needs.get(ADMIN, line.needId()).state()).isEqualTo(NeedState.FULFILLED);
        List<Movement> issued = issues();
        assertThat(issued).extracting(Movement::orgUnitId).containsOnly(station);
        assertThat(issued.stream().mapToLong(Movement::quantity).sum()).isEqualTo(-500);
        // nothing sits in a depot: the sending depot kept its other 500, no depot received any
        assertThat(f.inventory.available(ADMIN, hbProv, kn95)).isEqualTo(500);
        assertThat(f.inventory.transfer(ADMIN, sent.transferId()).status()).isEqualTo(Transfer.Status.RECEIVED);
        // a repeat changes nothing
        assertThat(f.transport.receive(HUBEI, s.id(), List.of(), "pod-1").version()).isEqualTo(received.version());
        assertThat(issues()).hasSize(issued.size());
    }

    @Test
    void aShortfallAtTheUnitIsALossAndLeavesTheNeedOpen() {
        Shipment s = dispatched();
        Shipment received = f.transport.receive(HUBEI, s.id(), List.of(counted(line.id(), 480, 5, "torn")), null);
        assertThat(received.status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(issues().stream().mapToLong(Movement::quantity).sum()).isEqualTo(-475);
        assertThat(f.inventory.movements(ADMIN, new MovementFilter(hbProv, null, null, null, null), 50, null).items())
                .filteredOn(m -> m.type() == MovementType.ADJUSTMENT).extracting(Movement::quantity).containsExactly(-20L);
        assertThat(f.needs.get(ADMIN, line.needId()).received()).isEqualTo(475);
        assertThat(f.needs.get(ADMIN, line.needId()).state()).isNotEqualTo(NeedState.FULFILLED);
    }

    @Test
    void onlyTheUnitsProvinceConfirmsAndARefusalLeavesEverythingAsItWas() {
        Shipment s = dispatched();
        assertThatThrownBy(() -> f.transport.receive(JIANGSU, s.id(), List.of(), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.transport.receive(KEEPER, s.id(), List.of(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.transport.receive(HUBEI, s.id(), List.of(counted(line.id(), 501, 0, null)), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("receivedQuantity"));
        assertThat(f.transport.shipment(ADMIN, s.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(f.transport.shipment(ADMIN, s.id()).deliveredAt()).isNull();
        assertThat(issues()).isEmpty();
        assertThat(f.allocation.batch(ADMIN, batch.id()).lines().get(0).status()).isEqualTo("DISPATCHED");
    }

    @Test
    void aPlainMoveNamesAUnitOfTheCallersProvinceAndNotBothEnds() {
        long nanjing = f.units.getByCode(ADMIN, "P32-NANJING").id();
        assertThatThrownBy(() -> f.transport.book(HUBEI, aShipment().fromDepotId(hbProv).toOrgUnitId(nanjing)
                .carrierId("swift").build(), null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        assertThatThrownBy(() -> f.transport.book(HUBEI, aShipment().fromDepotId(hbProv).toDepotId(hbProv)
                .toOrgUnitId(station).carrierId("swift").build(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toOrgUnitId"));
        Shipment plain = f.transport.book(HUBEI, aShipment().fromDepotId(hbProv).toOrgUnitId(station)
                .carrierId("swift").build(), null);
        assertThat(plain.toOrgUnitId()).isEqualTo(station);
        assertThat(plain.batchId()).isNull();
    }

    private List<Movement> issues() {
        return f.inventory.movements(ADMIN, new MovementFilter(hbProv, null, null, null, null), 100, null).items()
                .stream().filter(m -> m.type() == MovementType.ISSUE).toList();
    }
}
