package org.tongpao.inventory;

/** EventAdmin topics posted after commit. */
public final class InventoryTopics {
    /** Available stock fell to the reorder or minimum level: depotId, itemId, available, minimum, reorderLevel. */
    public static final String LOW_STOCK = "org/tongpao/inventory/LOW_STOCK";
    /** A lot arrived expiring within {@code shortDatedDays}: depotId, itemId, lotId, expiryDate, days. */
    public static final String SHORT_DATED = "org/tongpao/inventory/SHORT_DATED";
    /** A ledger write committed: postingId, operation, depotId, actor, requestId. */
    public static final String MOVEMENT = "org/tongpao/inventory/MOVEMENT";
    /** A lot's status changed: lotId, status, previous. */
    public static final String LOT_STATUS = "org/tongpao/inventory/LOT_STATUS";
    /** A province submitted census figures: censusId, provinceCode, version. */
    public static final String CENSUS_SUBMITTED = "org/tongpao/inventory/CENSUS_SUBMITTED";

    /**
     * A transfer-out to a depot another node keeps committed (1.4): {@code id} ({@code <node>/<transfer id>}),
     * {@code toNode}, {@code fromDepot}, {@code toDepot}, {@code reference}, {@code dispatchedAt} and
     * {@code lines} (lineNo, itemCode, quantity, expiryDate, origin, sourceDocument, lot): what federation sends.
     */
    public static final String CROSS_NODE_DISPATCHED = "org/tongpao/inventory/CROSS_NODE_DISPATCHED";
    /**
     * An inbound transfer from another node was received (1.4): {@code id}, {@code toNode} (the sender, to be
     * told), {@code receivedAt} and {@code lines} (lineNo, itemCode, received, short, damaged).
     */
    public static final String CROSS_NODE_RECEIVED = "org/tongpao/inventory/CROSS_NODE_RECEIVED";

    private InventoryTopics() {
    }
}
