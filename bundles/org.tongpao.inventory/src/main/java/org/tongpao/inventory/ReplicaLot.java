package org.tongpao.inventory;

import java.time.LocalDate;

/**
 * A lot as the node that keeps its depot's ledger has it, named by that node's lot id ({@link ReplicaPosting}).
 *
 * @param lotId            the lot's id on the origin node
 * @param itemCode         the item's code
 * @param parentLotId      the origin node's id of the lot it came from by a transfer (null: none); linked
 *                         when that lot is replicated here too
 * @param localLotId       the id, on the node applying the posting, of a lot of its own that this lot continues
 *                         (a lot of that node's handed to the origin node by a rebuild), or null: the first
 *                         posting naming the lot adopts that lot, stock and all, instead of starting a new one
 * @param designation      where the lot's goods must go, by codes (null: none; 1.7): the replica keeps it
 * @param reserved         the lot's reserved quantity on the origin node after the change (null: not carried, the
 *                         replica's stays as it is; 1.11): the replica keeps it, unless it holds a newer one
 *                         ({@link ReplicaPosting#sequence})
 * @since 1.4
 */
public record ReplicaLot(long lotId, String itemCode, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
        LocalDate receivedOn, LotStatus status, Long parentLotId, long receivedQuantity, Long localLotId,
        NodeDesignation designation, Long reserved) {

    /** The 1.7 lot, without a reserved quantity (kept so that callers compiled against 1.7–1.10 still link). */
    public ReplicaLot(long lotId, String itemCode, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
            LocalDate receivedOn, LotStatus status, Long parentLotId, long receivedQuantity, Long localLotId,
            NodeDesignation designation) {
        this(lotId, itemCode, origin, sourceDocument, expiryDate, receivedOn, status, parentLotId, receivedQuantity,
                localLotId, designation, null);
    }

    /** The 1.4 lot, without a designation (kept so that callers compiled against 1.4–1.6 still link). */
    public ReplicaLot(long lotId, String itemCode, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
            LocalDate receivedOn, LotStatus status, Long parentLotId, long receivedQuantity, Long localLotId) {
        this(lotId, itemCode, origin, sourceDocument, expiryDate, receivedOn, status, parentLotId, receivedQuantity,
                localLotId, null, null);
    }

    /** A builder, so that a component added later stays a minor change. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this one's values, to make a changed copy. */
    public Builder toBuilder() {
        return builder().lotId(lotId).itemCode(itemCode).origin(origin).sourceDocument(sourceDocument)
                .expiryDate(expiryDate).receivedOn(receivedOn).status(status).parentLotId(parentLotId)
                .receivedQuantity(receivedQuantity).localLotId(localLotId).designation(designation).reserved(reserved);
    }

    /** Builds a {@link ReplicaLot}. */
    public static final class Builder {
        private long lotId;
        private String itemCode;
        private LotOrigin origin;
        private String sourceDocument;
        private LocalDate expiryDate;
        private LocalDate receivedOn;
        private LotStatus status;
        private Long parentLotId;
        private long receivedQuantity;
        private Long localLotId;
        private NodeDesignation designation;
        private Long reserved;

        private Builder() {
        }

        public Builder lotId(long lotId) { this.lotId = lotId; return this; }
        public Builder itemCode(String itemCode) { this.itemCode = itemCode; return this; }
        public Builder origin(LotOrigin origin) { this.origin = origin; return this; }
        public Builder sourceDocument(String sourceDocument) { this.sourceDocument = sourceDocument; return this; }
        public Builder expiryDate(LocalDate expiryDate) { this.expiryDate = expiryDate; return this; }
        public Builder receivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; return this; }
        public Builder status(LotStatus status) { this.status = status; return this; }
        public Builder parentLotId(Long parentLotId) { this.parentLotId = parentLotId; return this; }
        public Builder receivedQuantity(long receivedQuantity) { this.receivedQuantity = receivedQuantity; return this; }
        public Builder localLotId(Long localLotId) { this.localLotId = localLotId; return this; }
        /** @since 1.7 */
        public Builder designation(NodeDesignation designation) { this.designation = designation; return this; }

        /** @since 1.11 */
        public Builder reserved(Long reserved) { this.reserved = reserved; return this; }

        public ReplicaLot build() {
            return new ReplicaLot(lotId, itemCode, origin, sourceDocument, expiryDate, receivedOn, status,
                    parentLotId, receivedQuantity, localLotId, designation, reserved);
        }
    }
}
