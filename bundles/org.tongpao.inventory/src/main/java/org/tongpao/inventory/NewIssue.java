package org.tongpao.inventory;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** Stock handed to an org unit; picked first-expiry-first-out unless {@code lotId} names the lot. */
public record NewIssue(
        @NotNull Long depotId,
        @NotNull Long itemId,
        @NotNull @Positive Long quantity,
        @NotNull Long orgUnitId,
        Long lotId,
        @Size(max = 128) String sourceDocument,
        @Size(max = 500) String note,
        @Size(max = 500) String overrideReason) {

    /** The 1.5 form: no override. */
    public NewIssue(Long depotId, Long itemId, Long quantity, Long orgUnitId, Long lotId,
            String sourceDocument, String note) {
        this(depotId, itemId, quantity, orgUnitId, lotId, sourceDocument, note, null);
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
        return builder().depotId(depotId).itemId(itemId).quantity(quantity).orgUnitId(orgUnitId).lotId(lotId)
                .sourceDocument(sourceDocument).note(note).overrideReason(overrideReason);
    }

    /** Builds a {@link NewIssue}; unset components are 0, false or null. @since 1.3 */
    public static final class Builder {
        private Long depotId;
        private Long itemId;
        private Long quantity;
        private Long orgUnitId;
        private Long lotId;
        private String sourceDocument;
        private String note;
        private String overrideReason;

        private Builder() {
        }

        public Builder depotId(Long depotId) { this.depotId = depotId; return this; }
        public Builder itemId(Long itemId) { this.itemId = itemId; return this; }
        public Builder quantity(Long quantity) { this.quantity = quantity; return this; }
        public Builder orgUnitId(Long orgUnitId) { this.orgUnitId = orgUnitId; return this; }
        public Builder lotId(Long lotId) { this.lotId = lotId; return this; }
        public Builder sourceDocument(String sourceDocument) { this.sourceDocument = sourceDocument; return this; }
        public Builder note(String note) { this.note = note; return this; }
        /** A ministry-admin's reason (10 characters or more) to move designated stock outside its designation. @since 1.6 */
        public Builder overrideReason(String overrideReason) { this.overrideReason = overrideReason; return this; }

        public NewIssue build() {
            return new NewIssue(depotId, itemId, quantity, orgUnitId, lotId, sourceDocument, note, overrideReason);
        }
    }
}
