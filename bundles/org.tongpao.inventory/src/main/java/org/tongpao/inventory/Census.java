package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A reserve census with who has reported ({@code REPORTED}, {@code REPORTED_LATE}), who has not yet
 * ({@code PENDING}) and who is late ({@code LATE}: deadline passed, nothing submitted), and totals by
 * province × category from the current submission of each province.
 */
public record Census(long id, String title, List<String> categories, Instant deadline, String openedBy,
        Instant openedAt, List<ProvinceReport> provinces, List<Total> totals) {

    public record ProvinceReport(String provinceCode, String status, Integer version, Instant submittedAt,
            String submittedBy) {
    }

    public record Total(String provinceCode, String categoryCode, long systemQuantity, long declaredQuantity) {
    }
}
