package org.tongpao.procurement;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a purchase order stands, and the one place that says which step may follow which:
 * DRAFT → SUBMITTED → APPROVED → PLACED → PARTIALLY_RECEIVED → RECEIVED; CANCELLED from any state before
 * RECEIVED (a partly received order cancelled keeps what arrived and gives back the rest of its commitment).
 * A normal order stays SUBMITTED after its first approval and becomes APPROVED with the second.
 */
public enum OrderStatus {
    DRAFT, SUBMITTED, APPROVED, PLACED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, CANCELLED),
            SUBMITTED, EnumSet.of(APPROVED, CANCELLED),
            APPROVED, EnumSet.of(PLACED, CANCELLED),
            PLACED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CANCELLED),
            PARTIALLY_RECEIVED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CANCELLED),
            RECEIVED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    /** Whether an order in this state may move to {@code next}. */
    public boolean canBecome(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether goods may be received against an order in this state. */
    public boolean receivable() {
        return this == PLACED || this == PARTIALLY_RECEIVED;
    }

    /** Whether the order is finished: nothing can happen to it any more. */
    public boolean closed() {
        return NEXT.get(this).isEmpty();
    }
}
