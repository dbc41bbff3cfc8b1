package org.tongpao.transport;

import java.time.Instant;

/** One promise of a shipment: ACCEPT, PICKUP or DELIVERY, its deadline, when it happened, its state. */
public record SlaMilestone(String name, Instant due, Instant done, SlaState state) {
}
