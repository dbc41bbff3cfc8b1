package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** A direct transfer out (no reservation): FEFO unless {@code lotId} names the lot. */
public record NewTransfer(
        @NotNull Long fromDepotId,
        @NotNull Long toDepotId,
        @NotNull Long itemId,
        @NotNull @Positive Long quantity,
        Long lotId,
        @Size(max = 128) String sourceDocument,
        @Size(max = 500) String note,
        @Size(max = 500) String overrideReason) {

    /** The 1.5 form: no override. */
    public NewTransfer(Long fromDepotId, Long toDepotId, Long itemId, Long quantity, Long lotId,
            String sourceDocument, String note) {
        this(fromDepotId, toDepotId, itemId, quantity, lotId, sourceDocument, note, null);
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
        return builder().fromDepotId(fromDepotId).toDepotId(toDepotId).itemId(itemId).quantity(quantity).lotId(lotId)
                .sourceDocument(sourceDocument).note(note).overrideReason(overrideReason);
    }

    /** Builds a {@link NewTransfer}; unset components are 0, false or null. @since 1.3 */
    public static final class Builder {
        private Long fromDepotId;
        private Long toDepotId;
        private Long itemId;
        private Long quantity;
        private Long lotId;
        private String sourceDocument;
        private String note;
        private String overrideReason;

        private Builder() {
        }

        public Builder fromDepotId(Long fromDepotId) { this.fromDepotId = fromDepotId; return this; }
        public Builder toDepotId(Long toDepotId) { this.toDepotId = toDepotId; return this; }
        public Builder itemId(Long itemId) { this.itemId = itemId; return this; }
        public Builder quantity(Long quantity) { this.quantity = quantity; return this; }
        public Builder lotId(Long lotId) { this.lotId = lotId; return this; }
        public Builder sourceDocument(String sourceDocument) { this.sourceDocument = sourceDocument; return this; }
        public Builder note(String note) { this.note = note; return this; }
        /** A ministry-admin's reason (10 characters or more) to move designated stock outside its designation. @since 1.6 */
        public Builder overrideReason(String overrideReason) { this.overrideReason = overrideReason; return this; }

        public NewTransfer build() {
            return new NewTransfer(fromDepotId, toDepotId, itemId, quantity, lotId, sourceDocument, note, overrideReason);
        }
    }
}
