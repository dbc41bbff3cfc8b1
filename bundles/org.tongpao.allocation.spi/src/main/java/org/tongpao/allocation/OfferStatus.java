package org.tongpao.allocation;

/** A mutual-aid offer is OFFERED until the ministry approves it (→ a batch) or rejects it. */
public enum OfferStatus {
    OFFERED, APPROVED, REJECTED
}
