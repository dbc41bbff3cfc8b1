package org.tongpao.donation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A donation: a pledge and what was received against it, or goods received without one ({@code pledged} false).
 * {@code donorLabel} is the donor's name, or its anonymous label when it asked to stay anonymous (to readers who
 * are not donation officers) or was erased. {@code donorCode} is always null since 1.1:
 * the code is stored hashed and printed once, on an acknowledgement ({@link Acknowledgement#donorCode()}). A
 * read-only copy of a donation another node keeps (at central: a federated province's) has {@code source}
 * {@code <node>/<its id there>} and {@code asOf}, when it was last current there; both are null for the node's own
 * donations.
 */
public record Donation(long id, String number, long donorId, String donorLabel, DonorKind donorKind,
        String provinceCode, boolean pledged, DonationStatus status, LocalDate expectedDate,
        DonorDesignation designation, String note, String cancelReason, String donorCode, List<DonationLine> lines,
        String createdBy, Instant createdAt, Instant updatedAt, String source, Instant asOf) {
}
