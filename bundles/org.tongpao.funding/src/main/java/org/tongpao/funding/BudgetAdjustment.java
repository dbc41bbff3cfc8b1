package org.tongpao.funding;

import java.math.BigDecimal;

/**
 * A change of a line's budget: a top-up (positive) or a cut (negative, never below what is committed and
 * spent). {@code expectedVersion} (optional) guards against a concurrent change.
 */
public record BudgetAdjustment(BigDecimal delta, String reason, Long expectedVersion) {
}
