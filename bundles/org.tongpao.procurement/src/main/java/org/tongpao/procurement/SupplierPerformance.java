package org.tongpao.procurement;

/**
 * How a supplier kept its promises, from every receipt against its orders: deliveries (receipt lines), how many
 * arrived on or before the promised date, the average lateness of the late ones in days, and the quantities
 * accepted and rejected at inspection.
 */
public record SupplierPerformance(long deliveries, long onTime, long late, double averageDaysLate, long accepted,
        long rejected) {
    public static final SupplierPerformance NONE = new SupplierPerformance(0, 0, 0, 0, 0, 0);
}
