package org.tongpao.inventory;

import java.time.LocalDate;

/**
 * A lot as the node that keeps its depot's ledger has it, named by that node's lot id ({@link ReplicaPosting}).
 *
 * @param lotId            the lot's id on the origin node
 * @param itemCode         the item's code
 * @param parentLotId      the origin node's id of the lot it came from by a transfer (null: none); linked
 *                         when that lot is replicated here too
 * @since 1.4
 */
public record ReplicaLot(long lotId, String itemCode, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
        LocalDate receivedOn, LotStatus status, Long parentLotId, long receivedQuantity) {

    /** A builder, so that a component added later stays a minor change. */
    public static Builder builder() {
        return new Builder();
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

        public ReplicaLot build() {
            return new ReplicaLot(lotId, itemCode, origin, sourceDocument, expiryDate, receivedOn, status,
                    parentLotId, receivedQuantity);
        }
    }
}
