package org.tongpao.donation;

import java.time.Instant;

/**
 * A registered donor. {@code contact} is null for every caller but a donation officer, and after an erasure;
 * an erased donor's {@code name} is its anonymous label and {@code erasedAt} says when.
 */
public record Donor(long id, DonorKind kind, String name, String country, String provinceCode, boolean anonymous,
        DonorContact contact, Instant createdAt, Instant erasedAt) {
}
