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
}
