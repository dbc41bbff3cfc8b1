package org.tongpao.inventory;

import java.time.Instant;

/**
 * One ledger row, never changed after it is written. {@code quantity} is signed: what the movement did to
 * the lot's on-hand quantity. {@code reason} is an {@link AdjustmentReason} or {@link WriteOffReason} name
 * where one applies; {@code orgUnitId} is the receiving unit of an issue.
 */
public record Movement(long id, long postingId, MovementType type, long depotId, long itemId, long lotId,
        long quantity, String reason, Long orgUnitId, Long transferId, String sourceDocument, String note,
        String actor, String requestId, Instant occurredAt) {
    /**
     * A builder, the way to make one outside this package: components added in a later minor version
     * get a setter and a default, so code built against this version keeps compiling and linking.
     *
     * @since 1.3
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this one's values, to make a changed copy. @since 1.3 */
    public Builder toBuilder() {
        return builder().id(id).postingId(postingId).type(type).depotId(depotId).itemId(itemId).lotId(lotId)
                .quantity(quantity).reason(reason).orgUnitId(orgUnitId).transferId(transferId)
                .sourceDocument(sourceDocument).note(note).actor(actor).requestId(requestId).occurredAt(occurredAt);
    }

    /** Builds a {@link Movement}; unset components are 0, false or null. @since 1.3 */
    public static final class Builder {
        private long id;
        private long postingId;
        private MovementType type;
        private long depotId;
        private long itemId;
        private long lotId;
        private long quantity;
        private String reason;
        private Long orgUnitId;
        private Long transferId;
        private String sourceDocument;
        private String note;
        private String actor;
        private String requestId;
        private Instant occurredAt;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder postingId(long postingId) { this.postingId = postingId; return this; }
        public Builder type(MovementType type) { this.type = type; return this; }
        public Builder depotId(long depotId) { this.depotId = depotId; return this; }
        public Builder itemId(long itemId) { this.itemId = itemId; return this; }
        public Builder lotId(long lotId) { this.lotId = lotId; return this; }
        public Builder quantity(long quantity) { this.quantity = quantity; return this; }
        public Builder reason(String reason) { this.reason = reason; return this; }
        public Builder orgUnitId(Long orgUnitId) { this.orgUnitId = orgUnitId; return this; }
        public Builder transferId(Long transferId) { this.transferId = transferId; return this; }
        public Builder sourceDocument(String sourceDocument) { this.sourceDocument = sourceDocument; return this; }
        public Builder note(String note) { this.note = note; return this; }
        public Builder actor(String actor) { this.actor = actor; return this; }
        public Builder requestId(String requestId) { this.requestId = requestId; return this; }
        public Builder occurredAt(Instant occurredAt) { this.occurredAt = occurredAt; return this; }

        public Movement build() {
            return new Movement(id, postingId, type, depotId, itemId, lotId, quantity, reason, orgUnitId, transferId,
                    sourceDocument, note, actor, requestId, occurredAt);
        }
    }
}
