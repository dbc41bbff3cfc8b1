package org.tongpao.inventory;

import java.time.LocalDate;
import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/**
 * Goods arriving at a depot: creates a lot. {@code expiryDate} is required (and must not have passed) when
 * the item has a shelf life, and refused when it has none. {@code designation} (1.6) restricts where the lot's
 * goods may go ({@link Designation}); null for none.
 */
public record NewReceipt(
        @NotNull Long depotId,
        @NotNull Long itemId,
        @NotNull @Positive Long quantity,
        @NotNull LotOrigin origin,
        @NotBlank @Size(max = 128) String sourceDocument,
        LocalDate expiryDate,
        @Size(max = 500) String note,
        @Valid Designation designation) {

    /** The 1.5 form: no designation. */
    public NewReceipt(Long depotId, Long itemId, Long quantity, LotOrigin origin, String sourceDocument,
            LocalDate expiryDate, String note) {
        this(depotId, itemId, quantity, origin, sourceDocument, expiryDate, note, null);
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
        return builder().depotId(depotId).itemId(itemId).quantity(quantity).origin(origin)
                .sourceDocument(sourceDocument).expiryDate(expiryDate).note(note).designation(designation);
    }

    /** Builds a {@link NewReceipt}; unset components are 0, false or null. @since 1.3 */
    public static final class Builder {
        private Long depotId;
        private Long itemId;
        private Long quantity;
        private LotOrigin origin;
        private String sourceDocument;
        private LocalDate expiryDate;
        private String note;
        private Designation designation;

        private Builder() {
        }

        public Builder depotId(Long depotId) { this.depotId = depotId; return this; }
        public Builder itemId(Long itemId) { this.itemId = itemId; return this; }
        public Builder quantity(Long quantity) { this.quantity = quantity; return this; }
        public Builder origin(LotOrigin origin) { this.origin = origin; return this; }
        public Builder sourceDocument(String sourceDocument) { this.sourceDocument = sourceDocument; return this; }
        public Builder expiryDate(LocalDate expiryDate) { this.expiryDate = expiryDate; return this; }
        public Builder note(String note) { this.note = note; return this; }
        /** Where the goods must go (null: anywhere). @since 1.6 */
        public Builder designation(Designation designation) { this.designation = designation; return this; }

        public NewReceipt build() {
            return new NewReceipt(depotId, itemId, quantity, origin, sourceDocument, expiryDate, note, designation);
        }
    }
}
