package org.tongpao.allocation;

/**
 * EventAdmin topics posted after commit: {@code org/tongpao/allocation/<EVENT>}. Properties: {@code id}
 * (of the need, key area, plan, batch or offer), {@code provinceCode} where one applies, {@code actor},
 * {@code requestId}, plus {@code number} for batches.
 */
public final class AllocationTopics {
    public static final String PREFIX = "org/tongpao/allocation/";
    public static final String NEED_CREATED = PREFIX + "NEED_CREATED";
    public static final String NEED_CANCELLED = PREFIX + "NEED_CANCELLED";
    public static final String NEED_STATE_CHANGED = PREFIX + "NEED_STATE_CHANGED";
    /**
     * A need was raised, changed (quantities, state) or replicated: {@code id}, {@code provinceCode} and the need as
     * it now stands ({@code unitCode}, {@code itemId}, {@code categoryCode}, {@code quantity}, {@code allocated},
     * {@code received}, {@code urgency}, {@code frontLine}, {@code neededBy}, {@code justification},
     * {@code daysOfCoverLeft}, {@code receivingDepotId}, {@code state}, {@code createdBy}, {@code createdAt},
     * {@code updatedAt}, {@code version}, and {@code source} for a replica; absent when null). @since 1.3
     */
    public static final String NEED_CHANGED = PREFIX + "NEED_CHANGED";
    /** A key area was declared: {@code id}, {@code provinceCode} or (1.3) {@code unitCode}, {@code label}. */
    public static final String KEY_AREA_DECLARED = PREFIX + "KEY_AREA_DECLARED";
    /** A key area was removed: {@code id} and (1.3) {@code provinceCode} or {@code unitCode}. */
    public static final String KEY_AREA_REMOVED = PREFIX + "KEY_AREA_REMOVED";
    public static final String PLAN_PROPOSED = PREFIX + "PLAN_PROPOSED";
    public static final String PLAN_SUPERSEDED = PREFIX + "PLAN_SUPERSEDED";
    public static final String PLAN_REJECTED = PREFIX + "PLAN_REJECTED";
    public static final String PLAN_APPROVED = PREFIX + "PLAN_APPROVED";
    public static final String BATCH_APPROVED = PREFIX + "BATCH_APPROVED";
    public static final String BATCH_FAILED = PREFIX + "BATCH_FAILED";
    public static final String BATCH_DISPATCHED = PREFIX + "BATCH_DISPATCHED";
    /** Some lines left (one shipment of several), others still wait; property {@code lineNos}. @since 1.1 */
    public static final String BATCH_PARTLY_DISPATCHED = PREFIX + "BATCH_PARTLY_DISPATCHED";
    public static final String BATCH_LINE_RECEIVED = PREFIX + "BATCH_LINE_RECEIVED";
    public static final String BATCH_RECEIVED = PREFIX + "BATCH_RECEIVED";
    /** Lines' goods came back into their sending depot (properties {@code number}, {@code lineNos}). @since 1.4 */
    public static final String BATCH_LINES_RETURNED = PREFIX + "BATCH_LINES_RETURNED";
    public static final String OFFER_CREATED = PREFIX + "OFFER_CREATED";
    public static final String OFFER_APPROVED = PREFIX + "OFFER_APPROVED";
    public static final String OFFER_REJECTED = PREFIX + "OFFER_REJECTED";
    /**
     * A batch line leaves a depot another node keeps (mutual aid from a federated province): that node is
     * instructed to dispatch it. Properties {@code node}, {@code batchNumber}, {@code lineNo}, {@code fromDepot},
     * {@code toDepot}, {@code itemCode}, {@code quantity}, {@code reference} (the transfer's source document).
     *
     * @since 1.3
     */
    public static final String MUTUAL_AID_INSTRUCTED = PREFIX + "MUTUAL_AID_INSTRUCTED";
    public static final String ALL = PREFIX + "*";

    private AllocationTopics() {
    }
}
