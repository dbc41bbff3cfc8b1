package org.tongpao.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Days of supply per place × item at the recent rate of issues ({@code windowDays} up to {@code generatedAt}),
 * and the stock-out forecast: the day each place runs out at that rate, counting goods in transit to it and open
 * purchase orders delivering to it ({@code procurement.installed} false: not counted, {@code onOrder} null). A place
 * that issued nothing in the window has no rate, no days of cover and no stock-out date (null), never zero; a
 * stock-out more than ten years away has no date either (null; {@code daysWithIncoming} says how far).
 */
public record CoverReport(String scope, Instant generatedAt, int windowDays, Capability procurement,
        List<CoverRow> rows)
        implements Tabular {

    /**
     * @param issuedInWindow   units issued in the window
     * @param dailyRate        issuedInWindow / windowDays
     * @param daysOfCover      onHand / dailyRate
     * @param incoming         inTransit + onOrder (what arrives)
     * @param daysWithIncoming (onHand + incoming) / dailyRate
     * @param stockOutDate     the date (UTC) the place runs out at that rate, counting what arrives
     */
    public record CoverRow(ReportPlace place, String itemCode, String itemName, long onHand, long available,
            long issuedInWindow, Double dailyRate, Double daysOfCover, long inTransit, Long onOrder, long incoming,
            Double daysWithIncoming, LocalDate stockOutDate) {
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("cover", List.of("province", "province_zh", "province_en", "item", "item_name",
                "on_hand", "available", "issued_in_window", "daily_rate", "days_of_cover", "in_transit", "on_order",
                "days_with_incoming", "stock_out_date"), rows.stream().map(r -> Rows.of(r.place().code(),
                        r.place().nameZh(), r.place().nameEn(), r.itemCode(), r.itemName(), r.onHand(), r.available(),
                        r.issuedInWindow(), r.dailyRate(), r.daysOfCover(), r.inTransit(), r.onOrder(),
                        r.daysWithIncoming(), r.stockOutDate())).toList()));
    }
}
