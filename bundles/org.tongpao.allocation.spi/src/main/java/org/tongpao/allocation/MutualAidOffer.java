package org.tongpao.allocation;

import java.time.Instant;

/** Stock one province offers to another; the ministry brokers it into a batch. */
public record MutualAidOffer(long id, String fromProvinceCode, long fromDepotId, long itemId, long quantity,
        String toProvinceCode, String note, OfferStatus status, String offeredBy, Instant offeredAt,
        String decidedBy, Instant decidedAt, Long batchId) {
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
        b.fromProvinceCode = fromProvinceCode;
        b.fromDepotId = fromDepotId;
        b.itemId = itemId;
        b.quantity = quantity;
        b.toProvinceCode = toProvinceCode;
        b.note = note;
        b.status = status;
        b.offeredBy = offeredBy;
        b.offeredAt = offeredAt;
        b.decidedBy = decidedBy;
        b.decidedAt = decidedAt;
        b.batchId = batchId;
        return b;
    }

    /** Builds a {@link MutualAidOffer}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private long id;
        private String fromProvinceCode;
        private long fromDepotId;
        private long itemId;
        private long quantity;
        private String toProvinceCode;
        private String note;
        private OfferStatus status;
        private String offeredBy;
        private Instant offeredAt;
        private String decidedBy;
        private Instant decidedAt;
        private Long batchId;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder fromProvinceCode(String fromProvinceCode) { this.fromProvinceCode = fromProvinceCode; return this; }
        public Builder fromDepotId(long fromDepotId) { this.fromDepotId = fromDepotId; return this; }
        public Builder itemId(long itemId) { this.itemId = itemId; return this; }
        public Builder quantity(long quantity) { this.quantity = quantity; return this; }
        public Builder toProvinceCode(String toProvinceCode) { this.toProvinceCode = toProvinceCode; return this; }
        public Builder note(String note) { this.note = note; return this; }
        public Builder status(OfferStatus status) { this.status = status; return this; }
        public Builder offeredBy(String offeredBy) { this.offeredBy = offeredBy; return this; }
        public Builder offeredAt(Instant offeredAt) { this.offeredAt = offeredAt; return this; }
        public Builder decidedBy(String decidedBy) { this.decidedBy = decidedBy; return this; }
        public Builder decidedAt(Instant decidedAt) { this.decidedAt = decidedAt; return this; }
        public Builder batchId(Long batchId) { this.batchId = batchId; return this; }

        public MutualAidOffer build() {
            return new MutualAidOffer(id, fromProvinceCode, fromDepotId, itemId, quantity, toProvinceCode, note,
                    status, offeredBy, offeredAt, decidedBy, decidedAt, batchId);
        }
    }
}
