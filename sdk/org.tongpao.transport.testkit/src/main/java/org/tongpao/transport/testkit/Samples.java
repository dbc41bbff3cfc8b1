package org.tongpao.transport.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tongpao.transport.api.Place;
import org.tongpao.transport.api.ShipmentOrder;

/** Ready-made orders for tests: the central reserve in Beijing (11) to a depot in Wuhan (42). */
public final class Samples {
    public static final Place CENTRAL_RESERVE = new Place("CENTRAL-RESERVE", "11", "Central reserve",
            "Beijing", "Duty officer", "010-0000");
    public static final Place WUHAN_DEPOT = new Place("HB-WH-01", "42", "Wuhan depot", "Wuhan", "Zhang Min",
            "027-0000");

    private Samples() {
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
