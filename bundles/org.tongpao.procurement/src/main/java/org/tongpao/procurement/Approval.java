package org.tongpao.procurement;

import java.time.Instant;

/** One approval of an order: step 1 or 2 (normal mode), or step 1 alone with its justification (emergency). */
public record Approval(int step, String approver, String role, boolean emergency, String justification,
        Instant approvedAt) {
}
