package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A reserve census with who has reported ({@code REPORTED}, {@code REPORTED_LATE}), who has not yet
 * ({@code PENDING}) and who is late ({@code LATE}: deadline passed, nothing submitted), and totals by
 * province × category from the current submission of each province. {@code source} (1.4) names the census this
 * one replicates on another node ({@code central/17}), null for a census opened here.
 */
public record Census(long id, String title, List<String> categories, Instant deadline, String openedBy,
        Instant openedAt, List<ProvinceReport> provinces, List<Total> totals, String source) {

    /** A census opened on this node (no source): the 1.3 constructor. */
    public Census(long id, String title, List<String> categories, Instant deadline, String openedBy,
            Instant openedAt, List<ProvinceReport> provinces, List<Total> totals) {
        this(id, title, categories, deadline, openedBy, openedAt, provinces, totals, null);
    }

    /**
     * One province's answer. 1.4: {@code node} is the node whose balances the figures are ({@code province:42}
     * for an answer its own install sent; null when submitted on this node), {@code receivedAt} when this node
     * recorded it, {@code ageSeconds} how old the figures are now (since {@code submittedAt}; null while none).
     */
    public record ProvinceReport(String provinceCode, String status, Integer version, Instant submittedAt,
            String submittedBy, String node, Instant receivedAt, Long ageSeconds) {

        /** The 1.3 constructor: an answer submitted on this node, or none. */
        public ProvinceReport(String provinceCode, String status, Integer version, Instant submittedAt,
                String submittedBy) {
            this(provinceCode, status, version, submittedAt, submittedBy, null, submittedAt, null);
        }
    }

    public record Total(String provinceCode, String categoryCode, long systemQuantity, long declaredQuantity) {
    }
}
