package org.tongpao.reporting;

import java.time.Instant;
import java.util.List;

/**
 * Open needs against the stock available in their province, grouped by key area, urgency and front line and in
 * the seed's priority order (key areas first, then urgency IMMEDIATE → H72 → ROUTINE, then front line);
 * {@code shortfall} is what the province's own available stock does not cover. {@code allocation.installed}
 * false: no needs to report.
 */
public record ShortageReport(String scope, Instant generatedAt, Capability allocation, List<ShortageRow> rows)
        implements Tabular {

    /** {@code item} is an item code, or a category code for needs of "any item of a category". */
    public record ShortageRow(ReportPlace place, String keyArea, String urgency, boolean frontLine, String item,
            String categoryCode,
            int needs, long remaining, long available, long shortfall) {
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("shortages", List.of("province", "province_zh", "province_en", "key_area",
                "urgency", "front_line", "item", "category", "needs", "remaining", "available", "shortfall"),
                rows.stream().map(r -> Rows.of(r.place().code(), r.place().nameZh(), r.place().nameEn(), r.keyArea(),
                        r.urgency(), r.frontLine(), r.item(), r.categoryCode(), r.needs(), r.remaining(),
                        r.available(), r.shortfall())).toList()));
    }
}
