package org.tongpao.transport;

import java.time.Instant;
import java.util.List;

/** A shipment's SLA as of {@code at}: the worst milestone state and every milestone. */
public record Sla(SlaState state, Instant at, List<SlaMilestone> milestones) {
}
