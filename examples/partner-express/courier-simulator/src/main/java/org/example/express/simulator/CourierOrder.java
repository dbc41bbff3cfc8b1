package org.example.express.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** One order as Express keeps it; changed only by {@link Courier}, under its lock. */
final class CourierOrder {
    final String waybill;
    final String reference;
    final String destination;
    final Instant created;
    String state = "CREATED";
    final List<CourierSimulator.Event> events = new ArrayList<>();

    /** What the API answers about an order, taken while the courier's lock is held. */
    record View(String waybill, String reference, String state, Instant created, String destination) {
    }

    CourierOrder(String waybill, String reference, String destination, Instant created) {
        this.waybill = waybill;
        this.reference = reference;
        this.destination = destination;
        this.created = created;
    }

    View view() {
        return new View(waybill, reference, state, created, destination);
    }

    /** Adds an event now, or just after the last one: an order's event times strictly increase. */
    CourierSimulator.Event add(String code, String place, String remark, String signedBy, String signature) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!events.isEmpty()) {
            Instant last = events.get(events.size() - 1).time();
            if (!now.isAfter(last)) {
                now = last.plusMillis(1);
            }
        }
        CourierSimulator.Event e = new CourierSimulator.Event(code, now, place, remark, signedBy, signature);
        events.add(e);
        state = code;
        return e;
    }
}
