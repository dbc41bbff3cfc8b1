package org.tongpao.transport;

/** EventAdmin topics posted after commit; properties: id, number, carrierId, status, provinceCode, actor, requestId. */
public final class TransportTopics {
    public static final String PREFIX = "org/tongpao/transport/";
    public static final String SHIPMENT_BOOKED = PREFIX + "shipment/BOOKED";
    public static final String SHIPMENT_BOOKING_FAILED = PREFIX + "shipment/BOOKING_FAILED";
    public static final String SHIPMENT_DISPATCHED = PREFIX + "shipment/DISPATCHED";
    public static final String SHIPMENT_STATUS = PREFIX + "shipment/STATUS";
    public static final String SHIPMENT_CANCELLED = PREFIX + "shipment/CANCELLED";
    public static final String SHIPMENT_RECEIVED = PREFIX + "shipment/RECEIVED";
    /** Goods handed over are coming back (property {@code cause}: CARRIER or MINISTRY). @since 1.3 */
    public static final String SHIPMENT_RETURNING = PREFIX + "shipment/RETURNING";
    /** The return is closed (property {@code outcome}: RETURNED or REBOOKED). @since 1.3 */
    public static final String SHIPMENT_RETURNED = PREFIX + "shipment/RETURNED";
    /** A promise entered its last fifth (property {@code milestone}). */
    public static final String SLA_AT_RISK = PREFIX + "sla/AT_RISK";
    /** A promise is overdue (property {@code milestone}). */
    public static final String SLA_BREACHED = PREFIX + "sla/BREACHED";
    public static final String CARRIER_ADDED = PREFIX + "carrier/ADDED";
    public static final String CARRIER_REMOVED = PREFIX + "carrier/REMOVED";

    private TransportTopics() {
    }
}
