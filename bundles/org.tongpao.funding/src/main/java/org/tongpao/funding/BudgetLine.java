package org.tongpao.funding;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget line as stored now: its budget and what approvals have committed and receipts have spent of it, all
 * in {@link #currency} (CNY). {@code available = budget − committed − spent}; no commitment goes beyond it.
 *
 * @param holder   {@link #MINISTRY} or the code of the province that holds (and alone sees) the line
 * @param category optional, e.g. a catalogue category such as {@code MASK}
 * @param version  moves on with every change (adjustment, commitment, spend, release)
 * @param copyOf   {@code <node>/<id there>} for a read-only copy of a line another node keeps (at central: a
 *                 federated province's), whose {@code code} is then {@code <node>/<code there>}; null for own lines
 * @param asOf     when a copy was last current on its node; null for own lines
 */
public record BudgetLine(long id, String code, String name, FundingSource source, String holder, String category,
        String currency, BigDecimal budget, BigDecimal committed, BigDecimal spent, BigDecimal available,
        long version, Instant createdAt, String createdBy, String copyOf, Instant asOf) {

    /** The holder of the ministry's own lines. */
    public static final String MINISTRY = "MINISTRY";

    public Money availableMoney() {
        return Money.of(available, currency);
    }
}
