package org.tongpao.allocation;

/**
 * How one need fared in a plan: its rank and the policy's reason, what it asked for (still open),
 * what the plan gives, and why it gets less ({@code shortReason}, null when fully covered).
 */
public record PlanNeedResult(long needId, int rank, String reason, long requested, long planned,
        String shortReason) {
}
