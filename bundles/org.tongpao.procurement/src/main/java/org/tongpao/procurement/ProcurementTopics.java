package org.tongpao.procurement;

/**
 * EventAdmin topics, recorded on core's outbox with the change and posted after commit. Order events carry
 * {@code id}, {@code number}, {@code status}, {@code provinceCode} (absent for the ministry's own orders),
 * {@code supplierId}, {@code actor} and {@code requestId}; receipts add {@code receiptId}.
 */
public final class ProcurementTopics {
    public static final String PREFIX = "org/tongpao/procurement/";
    public static final String SUPPLIER_CREATED = PREFIX + "supplier/CREATED";
    public static final String SUPPLIER_UPDATED = PREFIX + "supplier/UPDATED";
    public static final String ORDER_CREATED = PREFIX + "order/CREATED";
    /** A draft's header or lines changed (since 1.1). */
    public static final String ORDER_UPDATED = PREFIX + "order/UPDATED";
    /** A channel's quote was stored (since 1.1). */
    public static final String QUOTE_RECEIVED = PREFIX + "quote/RECEIVED";
    public static final String ORDER_SUBMITTED = PREFIX + "order/SUBMITTED";
    /** The first of two approvals (normal mode); the order stays SUBMITTED. */
    public static final String ORDER_APPROVAL_RECORDED = PREFIX + "order/APPROVAL_RECORDED";
    public static final String ORDER_APPROVED = PREFIX + "order/APPROVED";
    public static final String ORDER_PLACED = PREFIX + "order/PLACED";
    /** A channel reported progress (confirmed, in production, shipped, ...); property {@code progress}. */
    public static final String ORDER_PROGRESS = PREFIX + "order/PROGRESS";
    /** The first partial delivery (the status changed); each receipt has its {@link #RECEIPT_RECORDED}. */
    public static final String ORDER_PARTIALLY_RECEIVED = PREFIX + "order/PARTIALLY_RECEIVED";
    public static final String ORDER_RECEIVED = PREFIX + "order/RECEIVED";
    public static final String ORDER_CANCELLED = PREFIX + "order/CANCELLED";
    /**
     * A receipt against an order; properties {@code receiptId}, {@code orderId}, {@code number} and
     * {@code orderStatus} (the order's status after it).
     */
    public static final String RECEIPT_RECORDED = PREFIX + "receipt/RECORDED";

    private ProcurementTopics() {
    }
}
