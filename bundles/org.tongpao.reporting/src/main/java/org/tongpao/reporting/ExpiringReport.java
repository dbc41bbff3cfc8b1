package org.tongpao.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Stock on hand expiring within {@code days} days (1.3): per place × item, what expires on or before {@code lastDay}
 * (today in UTC plus {@code days}), soonest first; stock already expired and not yet written off comes first with
 * negative {@code daysLeft}. Read from the inventory's province × item × expiry day summary, so undated lots are
 * never counted.
 *
 * @since 1.3
 */
public record ExpiringReport(String scope, Instant generatedAt, int days, LocalDate lastDay, List<ExpiringRow> rows)
        implements Tabular {

    /**
     * @param earliestExpiry the earliest expiry date among the place × item's stock on hand
     * @param daysLeft       days from today (UTC) to {@code earliestExpiry}; negative: already expired
     * @param expiring       stock on hand expiring on or before the report's {@code lastDay}, reservations included
     * @param onHand         all stock on hand of the place × item, dated or not
     * @param shareOfOnHand  expiring / onHand, rounded to three decimals (null when nothing is on hand)
     */
    public record ExpiringRow(ReportPlace place, String itemCode, String itemName, String itemNameZh,
            String categoryCode, LocalDate earliestExpiry, long daysLeft, long expiring, long onHand,
            Double shareOfOnHand) {
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("expiring", List.of("province", "province_zh", "province_en", "item", "item_name",
                "item_name_zh", "category", "earliest_expiry", "days_left", "expiring", "on_hand", "share_of_on_hand"),
                rows.stream().map(r -> Rows.of(r.place().code(), r.place().nameZh(), r.place().nameEn(),
                        r.itemCode(), r.itemName(), r.itemNameZh(), r.categoryCode(), r.earliestExpiry(), r.daysLeft(),
                        r.expiring(), r.onHand(), r.shareOfOnHand())).toList()));
    }
}
