package org.tongpao.transport.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.Place;
import org.tongpao.transport.api.PlaceKind;
import org.tongpao.transport.api.ShipmentOrder;

/** Ready-made orders for tests: the central reserve in Beijing (11) to a depot in Wuhan (42). */
public final class Samples {
    public static final Place CENTRAL_RESERVE = new Place("CENTRAL-RESERVE", "11", "Central reserve",
            "Beijing", "Duty officer", "010-0000");
    public static final Place WUHAN_DEPOT = new Place("HB-WH-01", "42", "Wuhan depot", "Wuhan", "Zhang Min",
            "027-0000");

    /** A front-line station without a depot in Wuhan: where a delivery to a unit goes (SPI 1.2). */
    public static final Place WUHAN_STATION = new Place("P42-WUHAN-JIANGAN-T01", "42",
            "江岸区一线防疫工作队 / Jiang'an front-line epidemic response team",
            "湖北省公安厅 / 武汉市公安局 / 江岸区公安分局 / 江岸区一线防疫工作队", null, null);

    private Samples() {
    }

    /** The destination of an order to a depot, as the platform describes it (its key area if restricted). @since 1.2 */
    public static Destination depot(ShipmentOrder order) {
        return new Destination(PlaceKind.DEPOT, order.to().address(), order.restrictedArea() ? "武汉市" : null);
    }

    /** The order sent to {@link #WUHAN_STATION} instead, and the destination Tongpao describes with it. @since 1.2 */
    public static ShipmentOrder toUnit(ShipmentOrder order) {
        return new ShipmentOrder(order.shipmentRef(), order.from(), WUHAN_STATION, order.packages(), order.weightKg(),
                order.mode(), order.readyAt(), order.deliverBy(), true, order.notes());
    }

    /** What Tongpao tells a carrier of {@link #WUHAN_STATION}. @since 1.2 */
    public static Destination unitDestination() {
        return new Destination(PlaceKind.ORG_UNIT, WUHAN_STATION.address(), "武汉市");
    }

    /** 3 packages, 12.5 kg, ready now, due in 48 hours, into a locked-down key area. */
    public static ShipmentOrder order(String shipmentRef) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new ShipmentOrder(shipmentRef, CENTRAL_RESERVE, WUHAN_DEPOT, 3, new BigDecimal("12.5"), null, now,
                now.plus(Duration.ofHours(48)), true, "masks and protective suits");
    }

    /** The same order under another shipment reference. */
    public static ShipmentOrder withRef(ShipmentOrder order, String shipmentRef) {
        return new ShipmentOrder(shipmentRef, order.from(), order.to(), order.packages(), order.weightKg(),
                order.mode(), order.readyAt(), order.deliverBy(), order.restrictedArea(), order.notes());
    }
}
