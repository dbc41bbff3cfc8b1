package org.tongpao.allocation;

import java.time.Instant;
import java.util.List;

/**
 * A stored allocation proposal. {@code scope} is {@code national} or {@code province:<code>};
 * {@code policy} names the priority policy that ranked the needs. {@code batchId} is set once approved.
 */
public record Plan(long id, PlanStatus status, String scope, String provinceCode, Long itemId, String categoryCode,
        List<Long> sourceDepotIds, String policy, String note, String createdBy, String createdByProvince,
        Instant createdAt, String decidedBy, Instant decidedAt, Long batchId, long totalRequested,
        long totalPlanned, List<PlanNeedResult> needs, List<PlanLine> lines) {
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
        return builder().id(id).status(status).scope(scope).provinceCode(provinceCode).itemId(itemId)
                .categoryCode(categoryCode).sourceDepotIds(sourceDepotIds).policy(policy).note(note)
                .createdBy(createdBy).createdByProvince(createdByProvince).createdAt(createdAt).decidedBy(decidedBy)
                .decidedAt(decidedAt).batchId(batchId).totalRequested(totalRequested).totalPlanned(totalPlanned)
                .needs(needs).lines(lines);
    }

    /** Builds a {@link Plan}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private long id;
        private PlanStatus status;
        private String scope;
        private String provinceCode;
        private Long itemId;
        private String categoryCode;
        private List<Long> sourceDepotIds;
        private String policy;
        private String note;
        private String createdBy;
        private String createdByProvince;
        private Instant createdAt;
        private String decidedBy;
        private Instant decidedAt;
        private Long batchId;
        private long totalRequested;
        private long totalPlanned;
        private List<PlanNeedResult> needs;
        private List<PlanLine> lines;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder status(PlanStatus status) { this.status = status; return this; }
        public Builder scope(String scope) { this.scope = scope; return this; }
        public Builder provinceCode(String provinceCode) { this.provinceCode = provinceCode; return this; }
        public Builder itemId(Long itemId) { this.itemId = itemId; return this; }
        public Builder categoryCode(String categoryCode) { this.categoryCode = categoryCode; return this; }
        public Builder sourceDepotIds(List<Long> sourceDepotIds) { this.sourceDepotIds = sourceDepotIds; return this; }
        public Builder policy(String policy) { this.policy = policy; return this; }
        public Builder note(String note) { this.note = note; return this; }
        public Builder createdBy(String createdBy) { this.createdBy = createdBy; return this; }
        public Builder createdByProvince(String createdByProvince) { this.createdByProvince = createdByProvince; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder decidedBy(String decidedBy) { this.decidedBy = decidedBy; return this; }
        public Builder decidedAt(Instant decidedAt) { this.decidedAt = decidedAt; return this; }
        public Builder batchId(Long batchId) { this.batchId = batchId; return this; }
        public Builder totalRequested(long totalRequested) { this.totalRequested = totalRequested; return this; }
        public Builder totalPlanned(long totalPlanned) { this.totalPlanned = totalPlanned; return this; }
        public Builder needs(List<PlanNeedResult> needs) { this.needs = needs; return this; }
        public Builder lines(List<PlanLine> lines) { this.lines = lines; return this; }

        public Plan build() {
            return new Plan(id, status, scope, provinceCode, itemId, categoryCode, sourceDepotIds, policy, note,
                    createdBy, createdByProvince, createdAt, decidedBy, decidedAt, batchId, totalRequested,
                    totalPlanned, needs, lines);
        }
    }
}
