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
}
