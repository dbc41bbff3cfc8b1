package org.tongpao.reporting;

import java.time.Instant;
import java.util.List;

/**
 * Allocation batches by receiving province with the per-destination number ("the 4th batch to Hubei": {@code
 * destinationSequence} 4), and the province totals. {@code allocation.installed} false: nothing to report.
 */
public record BatchReport(String scope, Instant generatedAt, Capability allocation, List<BatchProvinceRow> provinces,
        List<BatchRow> batches) implements Tabular {

    public record BatchProvinceRow(ReportPlace place, int batches, Integer lastSequence, long quantity) {
    }

    /** {@code provinceCode} the receiving province (null for several), {@code quantity} the lines' sum. */
    public record BatchRow(String number, String title, String provinceCode, Integer destinationSequence,
            String status, Instant approvedAt, Instant dispatchedAt, int lines, long quantity) {
    }

    @Override
    public List<Table> tables() {
        return List.of(
                new Table("batches", List.of("number", "title", "province", "destination_sequence", "status",
                        "approved_at", "dispatched_at", "lines", "quantity"), batches.stream().map(b -> Rows.of(
                                b.number(), b.title(), b.provinceCode(), b.destinationSequence(), b.status(),
                                b.approvedAt(), b.dispatchedAt(), b.lines(), b.quantity())).toList()),
                new Table("by-province", List.of("province", "province_zh", "province_en", "batches",
                        "last_sequence", "quantity"), provinces.stream().map(p -> Rows.of(p.place().code(),
                                p.place().nameZh(), p.place().nameEn(), p.batches(), p.lastSequence(),
                                p.quantity())).toList()));
    }
}
