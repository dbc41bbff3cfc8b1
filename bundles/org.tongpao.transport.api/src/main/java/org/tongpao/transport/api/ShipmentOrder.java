package org.tongpao.transport.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.tongpao.transport.api.internal.Check;

/**
 * What Tongpao asks a carrier to move. {@code shipmentRef} is Tongpao's shipment number and is stable
 * across retries: a carrier must answer a repeated {@link Carrier#book} for the same reference with the
 * booking it already made, so a retry after a timeout never books twice. {@code mode} null leaves the
 * choice to the carrier; {@code restrictedArea} says the destination is a locked-down key area where
 * the vehicle needs an entry pass.
 */
public record ShipmentOrder(String shipmentRef, Place from, Place to, int packages, BigDecimal weightKg,
        TransportMode mode, Instant readyAt, Instant deliverBy, boolean restrictedArea, String notes) {

    public ShipmentOrder {
        shipmentRef = Check.token(shipmentRef, "shipmentRef", 40);
        Check.required(from, "from");
        Check.required(to, "to");
        if (packages < 1 || packages > 100_000) {
            throw new IllegalArgumentException("packages must be between 1 and 100000");
        }
        Check.amount(weightKg, "weightKg", false, 1_000_000, 3);
        Check.required(readyAt, "readyAt");
        if (deliverBy != null && !deliverBy.isAfter(readyAt)) {
            throw new IllegalArgumentException("deliverBy must be after readyAt");
        }
        notes = Check.optionalText(notes, "notes", 500);
    }
}
