package org.tongpao.allocation;

import java.time.Instant;
import java.util.List;

/**
 * A numbered allocation batch ({@code 2026-004}, "Batch 4 to Hubei") made from an approved plan or a
 * mutual-aid offer. {@code provinceCode} is the receiving province and {@code fromProvinceCode} the sending one,
 * each when there is exactly one (null for the central reserve or several).
 */
public record Batch(long id, String number, String title, String kind, BatchStatus status, Long planId,
        Long offerId, String provinceCode, String fromProvinceCode, String approvedBy, Instant approvedAt, String dispatchedBy,
        Instant dispatchedAt, String failure, Instant createdAt, List<BatchLine> lines) {
}
