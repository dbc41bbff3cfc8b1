package org.tongpao.allocation;

import java.time.Instant;
import java.util.List;

/**
 * A numbered allocation batch made from an approved plan or a mutual-aid offer. {@code number}
 * ({@code 2026-011}) is the national reference, sequential per year; {@code destinationSequence} counts
 * the year's batches to the receiving province (4 for the fourth batch to Hubei, whatever the national
 * number) and the title says it: "Batch 4 to Hubei". {@code provinceCode} is the receiving province and
 * {@code fromProvinceCode} the sending one, each when there is exactly one (null for the central reserve or
 * several; a batch to several provinces has no destination sequence).
 */
public record Batch(long id, String number, String title, Integer destinationSequence, String kind,
        BatchStatus status, Long planId,
        Long offerId, String provinceCode, String fromProvinceCode, String approvedBy, Instant approvedAt, String dispatchedBy,
        Instant dispatchedAt, String failure, Instant createdAt, List<BatchLine> lines) {
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
        return builder().id(id).number(number).title(title).destinationSequence(destinationSequence).kind(kind)
                .status(status).planId(planId).offerId(offerId).provinceCode(provinceCode)
                .fromProvinceCode(fromProvinceCode).approvedBy(approvedBy).approvedAt(approvedAt)
                .dispatchedBy(dispatchedBy).dispatchedAt(dispatchedAt).failure(failure).createdAt(createdAt)
                .lines(lines);
    }

    /** Builds a {@link Batch}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private long id;
        private String number;
        private String title;
        private Integer destinationSequence;
        private String kind;
        private BatchStatus status;
        private Long planId;
        private Long offerId;
        private String provinceCode;
        private String fromProvinceCode;
        private String approvedBy;
        private Instant approvedAt;
        private String dispatchedBy;
        private Instant dispatchedAt;
        private String failure;
        private Instant createdAt;
        private List<BatchLine> lines;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder number(String number) { this.number = number; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder destinationSequence(Integer destinationSequence) { this.destinationSequence = destinationSequence; return this; }
        public Builder kind(String kind) { this.kind = kind; return this; }
        public Builder status(BatchStatus status) { this.status = status; return this; }
        public Builder planId(Long planId) { this.planId = planId; return this; }
        public Builder offerId(Long offerId) { this.offerId = offerId; return this; }
        public Builder provinceCode(String provinceCode) { this.provinceCode = provinceCode; return this; }
        public Builder fromProvinceCode(String fromProvinceCode) { this.fromProvinceCode = fromProvinceCode; return this; }
        public Builder approvedBy(String approvedBy) { this.approvedBy = approvedBy; return this; }
        public Builder approvedAt(Instant approvedAt) { this.approvedAt = approvedAt; return this; }
        public Builder dispatchedBy(String dispatchedBy) { this.dispatchedBy = dispatchedBy; return this; }
        public Builder dispatchedAt(Instant dispatchedAt) { this.dispatchedAt = dispatchedAt; return this; }
        public Builder failure(String failure) { this.failure = failure; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder lines(List<BatchLine> lines) { this.lines = lines; return this; }

        public Batch build() {
            return new Batch(id, number, title, destinationSequence, kind, status, planId, offerId, provinceCode,
                    fromProvinceCode, approvedBy, approvedAt, dispatchedBy, dispatchedAt, failure, createdAt, lines);
        }
    }
}
