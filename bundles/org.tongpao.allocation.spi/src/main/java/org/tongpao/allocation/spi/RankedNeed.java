package org.tongpao.allocation.spi;

/**
 * A need in the policy's order: {@code rank} 1 is served first; {@code sortKey} is the comparable key the
 * policy used (shown for transparency); {@code reason} is a human-readable explanation, e.g.
 * "key area (Hubei); urgency IMMEDIATE; front line; 2 days of cover; waiting 3 d".
 */
public record RankedNeed(NeedView need, int rank, String sortKey, String reason) {
}
