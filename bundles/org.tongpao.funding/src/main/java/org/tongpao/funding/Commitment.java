package org.tongpao.funding;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money an approval set aside on a budget line, under the caller's {@code reference} (unique: a retried
 * approval with the same reference finds this commitment instead of committing twice).
 *
 * <p>Amounts in the line's currency (CNY): {@code amount} committed at the rate at commitment; {@code consumed}
 * the part of it receipts have turned into spend, {@code released} the part given back, {@code open = amount −
 * consumed − released} what still holds the line. {@code spent} is what was paid, at each payment's own
 * rate: for a foreign-currency commitment it differs from {@code consumed} by the exchange difference, which
 * the line's available amount absorbs. {@code original} is the amount in the order's currency, {@code rate}
 * and {@code rateAsOf} the rate it was converted at (1 for CNY); {@code originalOpen} what of it is not yet
 * paid or released.
 */
public record Commitment(long id, long lineId, String lineCode, String reference, String currency,
        BigDecimal amount, BigDecimal consumed, BigDecimal released, BigDecimal open, BigDecimal spent,
        Money original, Money originalOpen, BigDecimal rate, Instant rateAsOf, String rateSource,
        CommitmentStatus status, String description, long version, Instant createdAt, String createdBy) {
}
