package org.tongpao.procurement.centre.internal;

import java.time.Instant;

/** One step of an order's progress, as the centre's officer reported it. */
public record OrderEvent(CentreOrderStatus status, Instant at, String note, String recordedBy) {
}
