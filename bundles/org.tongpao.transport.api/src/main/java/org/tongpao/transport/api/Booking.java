package org.tongpao.transport.api;

import java.time.Instant;
import org.tongpao.transport.api.internal.Check;

/** A carrier's acceptance of an order: its waybill number and, if it knows them, its own estimates. */
public record Booking(String waybill, Instant estimatedPickup, Instant estimatedDelivery) {

    public Booking {
        waybill = Check.token(waybill, "waybill", 40);
        if (estimatedPickup != null && estimatedDelivery != null && estimatedDelivery.isBefore(estimatedPickup)) {
            throw new IllegalArgumentException("estimatedDelivery must not be before estimatedPickup");
        }
    }
}
