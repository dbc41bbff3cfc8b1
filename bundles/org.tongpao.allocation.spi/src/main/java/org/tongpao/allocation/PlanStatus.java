package org.tongpao.allocation;

/** DRAFT until a person approves (→ a batch) or rejects it; a newer plan for the same scope supersedes it. */
public enum PlanStatus {
    DRAFT, APPROVED, REJECTED, SUPERSEDED
}
