package org.tongpao.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The latest reserve census: who reported, who is late, who is still pending, and national totals by category
 * (system and declared quantities). {@code censusId} null: no census opened yet.
 */
public record CensusReport(String scope, Instant generatedAt, Long censusId, String title, Instant deadline,
        int reported, int late, int pending, List<CensusProvinceRow> provinces, List<CensusTotalRow> totals)
        implements Tabular {

    public record CensusProvinceRow(ReportPlace place, String status, Instant submittedAt, Long ageSeconds) {
    }

    public record CensusTotalRow(String categoryCode, long systemQuantity, long declaredQuantity) {
    }

    @Override
    public List<Table> tables() {
        return List.of(
                new Table("provinces", List.of("province", "province_zh", "province_en", "status", "submitted_at",
                        "age_seconds"), provinces.stream().map(p -> Rows.of(p.place().code(), p.place().nameZh(),
                                p.place().nameEn(), p.status(), p.submittedAt(), p.ageSeconds())).toList()),
                new Table("totals", List.of("category", "system_quantity", "declared_quantity"), totals.stream()
                        .map(t -> Rows.of(t.categoryCode(), t.systemQuantity(), t.declaredQuantity())).toList()));
    }
}
