package org.tongpao.inventory;

/** EventAdmin topics posted after commit. */
public final class InventoryTopics {
    /** Available stock fell to the reorder or minimum level: depotId, itemId, available, minimum, reorderLevel. */
    public static final String LOW_STOCK = "org/tongpao/inventory/LOW_STOCK";
    /** A lot arrived expiring within {@code shortDatedDays}: depotId, itemId, lotId, expiryDate, days. */
    public static final String SHORT_DATED = "org/tongpao/inventory/SHORT_DATED";
    /**
     * A ledger write committed: postingId, operation, depotId, actor, requestId; since 1.4 self-contained, so a
     * forwarder taking it inside the write's transaction never reads back: {@code occurredAt} (ISO-8601 text),
     * {@code lines} (the posting's movements: lotId, itemId, quantity (signed), type (a {@link MovementType}
     * name), and where set reason, transferId, orgUnitId), {@code lots} (the lots those lines name: lotId,
     * itemId, origin, sourceDocument, receivedOn, status, receivedQuantity, and where set expiryDate,
     * parentLotId, and since 1.6 designationKind, designationProvince, designationUnitId, designationLabel; dates as
     * ISO text), {@code part} and {@code parts} (from 1: a posting of more than 40
     * movements is announced in several events, each with its own lines and their lots). Absent values are
     * left out, never null. A replica's postings ({@link ReplicaLedger}) announce nothing.
     */
    public static final String MOVEMENT = "org/tongpao/inventory/MOVEMENT";
    /**
     * A lot's status changed: lotId, depotId, itemId, status, previous, actor, requestId; since 1.4
     * {@code occurredAt} and {@code lot} (its details after the change, as in MOVEMENT's {@code lots}).
     */
    public static final String LOT_STATUS = "org/tongpao/inventory/LOT_STATUS";
    /**
     * Lots' reserved quantities changed without a movement (1.11): a reservation held ({@code operation}
     * {@code reserve}) or released ({@code release}): reservationId, depotId, itemId, operation, actor, requestId,
     * {@code occurredAt} and {@code lots} (as MOVEMENT's, each with {@code reserved}: the lot's reserved quantity after
     * the change). A dispatch's reserved quantities travel in its MOVEMENT: there each lot whose reserved quantity the
     * write changed carries {@code reserved} too.
     */
    public static final String RESERVED = "org/tongpao/inventory/RESERVED";
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

    /**
     * A ministry-admin moved designated stock outside its designation (1.6): {@code overrideId}, {@code lotId},
     * {@code designation} ({@link Designation#describe()}), {@code designationKind}, {@code operation},
     * {@code quantity}, {@code reason}, and where set {@code postingId}, {@code transferId}, {@code toDepotId},
     * {@code toOrgUnitId}; actor and requestId as every event.
     */
    public static final String DESIGNATION_OVERRIDDEN = "org/tongpao/inventory/DESIGNATION_OVERRIDDEN";

    private InventoryTopics() {
    }
}
