package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.transport.internal.TestData.aShipment;
import static org.tongpao.transport.internal.TransportFixture.HUBEI;
import static org.tongpao.transport.internal.TransportFixture.OFFICER;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.ShipmentStatus;

/** Who sees which shipment in lists and by id, and the list's filters. */
class ShipmentReaderTest {
    static final Caller JIANGSU = Caller.of("js", Set.of("province-officer", "province-32"), "req-js");
    static final Caller SWIFT_PARTNER = Caller.of("swift-push", Set.of("partner", "partner-swift"), "req-partner");
    static final Caller WUHAN_KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");

    final TransportFixture f = new TransportFixture();
    final Shipment toWuhan;
    final Shipment toNanjing;

    ShipmentReaderTest() {
        f.install(FakeCarrier.pushing("swift"));
        f.install(FakeCarrier.pushing("slowpoke").refusing(true));
        toWuhan = book("HB-WH-01", "swift");
        toNanjing = book("JS-PROV-01", "slowpoke");
    }

    Shipment book(String to, String carrier) {
        return f.transport.book(OFFICER, aShipment()
                .fromDepotId(f.depot("CENTRAL-RESERVE"))
                .toDepotId(f.depot(to))
                .carrierId(carrier).build(), null);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    long[] ids(Caller caller, ShipmentFilter filter) {
        return f.transport.shipments(caller, filter, 50, null).items().stream().mapToLong(Shipment::id).toArray();
    }

    @Test
    void eachCallerSeesOnlyWhatItsScopeReaches() {
        assertThat(ids(OFFICER, null)).containsExactly(toWuhan.id(), toNanjing.id());
        assertThat(ids(HUBEI, null)).containsExactly(toWuhan.id());
        assertThat(ids(JIANGSU, null)).containsExactly(toNanjing.id());
        assertThat(ids(WUHAN_KEEPER, null)).containsExactly(toWuhan.id());
        assertThat(ids(SWIFT_PARTNER, null)).containsExactly(toWuhan.id());
        // out of scope by id is the same 404 as unknown
        assertThatThrownBy(() -> f.transport.shipment(HUBEI, toNanjing.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.transport.shipment(SWIFT_PARTNER, toNanjing.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(ids(OFFICER, new ShipmentFilter("swift", null, null, null, null))).containsExactly(toWuhan.id());
        assertThat(ids(OFFICER, new ShipmentFilter(null, ShipmentStatus.BOOKING_FAILED, null, null, null)))
                .containsExactly(toNanjing.id());
        assertThat(ids(OFFICER, new ShipmentFilter(null, null, null, "32", null))).containsExactly(toNanjing.id());
        assertThat(ids(HUBEI, new ShipmentFilter(null, null, null, "32", null))).isEmpty();
    }
}
