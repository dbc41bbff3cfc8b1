package org.tongpao.procurement.centre.internal;

/**
 * An order's life at the centre. Progress moves forward only (a step may be skipped: a supplier can ship the day
 * it confirms); an order can be cancelled until it ships.
 */
public enum CentreOrderStatus {
    PLACED, CONFIRMED, IN_PRODUCTION, SHIPPED, DELIVERED, CANCELLED;

    /** Whether the centre's officer may report {@code next} for an order in this state. */
    public boolean canProgressTo(CentreOrderStatus next) {
        return next != PLACED && next != CANCELLED && this != CANCELLED && next.ordinal() > ordinal();
    }

    public boolean cancellable() {
        return this == PLACED || this == CONFIRMED || this == IN_PRODUCTION;
    }
}
