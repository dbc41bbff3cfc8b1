package org.tongpao.transport;

import java.time.Instant;

/**
 * Goods handed over that come back. {@code cause} CARRIER: the carrier reported CANCELLED or RETURNED after
 * hand-over (its SLA clock keeps running: the promises it did not keep stay its breaches); MINISTRY: staff
 * recalled them (the clock stops, the carrier is not blamed). {@code outcome} is null while the goods are on
 * their way back, RETURNED once the sending depot took them back into stock, REBOOKED once the shipment
 * {@code rebookedAs} carries them on with another carrier.
 *
 * @since 1.3
 */
public record ShipmentReturn(long shipmentId, String shipmentNumber, Cause cause, String reason, Instant startedAt,
        String startedBy, Outcome outcome, Instant closedAt, String closedBy, String note, Long rebookedAs) {

    public enum Cause { CARRIER, MINISTRY }

    public enum Outcome { RETURNED, REBOOKED }
}
