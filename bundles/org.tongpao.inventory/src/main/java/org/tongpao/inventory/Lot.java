package org.tongpao.inventory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A quantity of one item received into one depot with one origin. A lot created by a transfer-in keeps
 * the expiry of the lot it came from ({@code parentLotId}). {@code status} is the stored status;
 * {@code expired} says whether the expiry date has passed (such a lot cannot be issued either way).
 * {@code designation} (1.6): where its goods must go, null for none; a lot made by a transfer-in inherits its
 * parent's.
 */
public record Lot(long id, long itemId, long depotId, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
        LocalDate receivedOn, LotStatus status, boolean expired, boolean shortDated, Long parentLotId,
        long receivedQuantity, long onHand, long reserved, Instant createdAt, Designation designation) {

    /** The 1.5 form: no designation. */
    public Lot(long id, long itemId, long depotId, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
            LocalDate receivedOn, LotStatus status, boolean expired, boolean shortDated, Long parentLotId,
            long receivedQuantity, long onHand, long reserved, Instant createdAt) {
        this(id, itemId, depotId, origin, sourceDocument, expiryDate, receivedOn, status, expired, shortDated,
                parentLotId, receivedQuantity, onHand, reserved, createdAt, null);
    }
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
        return builder().id(id).itemId(itemId).depotId(depotId).origin(origin).sourceDocument(sourceDocument)
                .expiryDate(expiryDate).receivedOn(receivedOn).status(status).expired(expired).shortDated(shortDated)
                .parentLotId(parentLotId).receivedQuantity(receivedQuantity).onHand(onHand).reserved(reserved)
                .createdAt(createdAt).designation(designation);
    }

    /** Builds a {@link Lot}; unset components are 0, false or null. @since 1.3 */
    public static final class Builder {
        private long id;
        private long itemId;
        private long depotId;
        private LotOrigin origin;
        private String sourceDocument;
        private LocalDate expiryDate;
        private LocalDate receivedOn;
        private LotStatus status;
        private boolean expired;
        private boolean shortDated;
        private Long parentLotId;
        private long receivedQuantity;
        private long onHand;
        private long reserved;
        private Instant createdAt;
        private Designation designation;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder itemId(long itemId) { this.itemId = itemId; return this; }
        public Builder depotId(long depotId) { this.depotId = depotId; return this; }
        public Builder origin(LotOrigin origin) { this.origin = origin; return this; }
        public Builder sourceDocument(String sourceDocument) { this.sourceDocument = sourceDocument; return this; }
        public Builder expiryDate(LocalDate expiryDate) { this.expiryDate = expiryDate; return this; }
        public Builder receivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; return this; }
        public Builder status(LotStatus status) { this.status = status; return this; }
        public Builder expired(boolean expired) { this.expired = expired; return this; }
        public Builder shortDated(boolean shortDated) { this.shortDated = shortDated; return this; }
        public Builder parentLotId(Long parentLotId) { this.parentLotId = parentLotId; return this; }
        public Builder receivedQuantity(long receivedQuantity) { this.receivedQuantity = receivedQuantity; return this; }
        public Builder onHand(long onHand) { this.onHand = onHand; return this; }
        public Builder reserved(long reserved) { this.reserved = reserved; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        /** @since 1.6 */
        public Builder designation(Designation designation) { this.designation = designation; return this; }

        public Lot build() {
            return new Lot(id, itemId, depotId, origin, sourceDocument, expiryDate, receivedOn, status, expired,
                    shortDated, parentLotId, receivedQuantity, onHand, reserved, createdAt, designation);
        }
    }
}
