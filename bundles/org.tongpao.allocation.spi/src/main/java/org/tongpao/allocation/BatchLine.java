package org.tongpao.allocation;

/**
 * One line of a batch. {@code needId} is null for a mutual-aid line without a need. Status: PLANNED →
 * RESERVED → DISPATCHED → RECEIVED (RELEASED on batches failed before 1.1); each line is dispatched with its
 * own shipment, and the batch's status is derived from its lines.
 */
public record BatchLine(long id, int lineNo, Long needId, long itemId, long fromDepotId, long toDepotId,
        long quantity, String status, Long reservationId, Long transferId, long receivedQuantity,
        long damagedQuantity, String reason) {
    /**
     * A builder, the way to make one outside this package: components added in a later minor version
     * get a setter and a default, so code built against this version keeps compiling and linking.
     *
     * @since 1.2
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this one's values, to make a changed copy. @since 1.2 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.lineNo = lineNo;
        b.needId = needId;
        b.itemId = itemId;
        b.fromDepotId = fromDepotId;
        b.toDepotId = toDepotId;
        b.quantity = quantity;
        b.status = status;
        b.reservationId = reservationId;
        b.transferId = transferId;
        b.receivedQuantity = receivedQuantity;
        b.damagedQuantity = damagedQuantity;
        b.reason = reason;
        return b;
    }

    /** Builds a {@link BatchLine}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private long id;
        private int lineNo;
        private Long needId;
        private long itemId;
        private long fromDepotId;
        private long toDepotId;
        private long quantity;
        private String status;
        private Long reservationId;
        private Long transferId;
        private long receivedQuantity;
        private long damagedQuantity;
        private String reason;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder lineNo(int lineNo) { this.lineNo = lineNo; return this; }
        public Builder needId(Long needId) { this.needId = needId; return this; }
        public Builder itemId(long itemId) { this.itemId = itemId; return this; }
        public Builder fromDepotId(long fromDepotId) { this.fromDepotId = fromDepotId; return this; }
        public Builder toDepotId(long toDepotId) { this.toDepotId = toDepotId; return this; }
        public Builder quantity(long quantity) { this.quantity = quantity; return this; }
        public Builder status(String status) { this.status = status; return this; }
        public Builder reservationId(Long reservationId) { this.reservationId = reservationId; return this; }
        public Builder transferId(Long transferId) { this.transferId = transferId; return this; }
        public Builder receivedQuantity(long receivedQuantity) { this.receivedQuantity = receivedQuantity; return this; }
        public Builder damagedQuantity(long damagedQuantity) { this.damagedQuantity = damagedQuantity; return this; }
        public Builder reason(String reason) { this.reason = reason; return this; }

        public BatchLine build() {
            return new BatchLine(id, lineNo, needId, itemId, fromDepotId, toDepotId, quantity, status, reservationId,
                    transferId, receivedQuantity, damagedQuantity, reason);
        }
    }
}
