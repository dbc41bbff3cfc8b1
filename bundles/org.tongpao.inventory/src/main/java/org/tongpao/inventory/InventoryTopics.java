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
    /**
     * A province submitted census figures: censusId, provinceCode, version; (1.4) submittedAt, submittedBy,
     * {@code system} (category code → quantity on hand), {@code declared} (list of categoryCode, quantity, note),
     * {@code source} when the census replicates another node's, {@code node} when the answer came from another node.
     */
    public static final String CENSUS_SUBMITTED = "org/tongpao/inventory/CENSUS_SUBMITTED";

    /**
     * A census was opened: censusId, title, categories (comma-separated), deadline, openedBy, openedAt, and
     * {@code source} when it replicates another node's census. @since 1.4
     */
    public static final String CENSUS_OPENED = "org/tongpao/inventory/CENSUS_OPENED";

    private InventoryTopics() {
    }
}
