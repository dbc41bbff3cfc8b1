package org.tongpao.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Stock by place × category and by place × item, the central reserve as its own place; read from the balances
 * now. {@code federation} says whether federation is installed; where another node keeps a province's ledgers,
 * {@code replicatedFrom} names it and {@code dataAsOf}/{@code dataAgeSeconds} say how old the figures are.
 */
public record StockReport(String scope, Instant generatedAt, List<StockCategoryRow> byCategory,
        List<StockItemRow> byItem,
        Capability federation) implements Tabular {

    public record StockCategoryRow(ReportPlace place, String categoryCode, long onHand, long reserved, long available,
            long deliveredToFrontLine, String replicatedFrom, Instant dataAsOf, Long dataAgeSeconds) {
    }

    /**
     * One place × item. {@code earliestExpiry} (1.2): the earliest expiry date of its stock on hand (lots without an
     * expiry date not counted; null: none dated) and {@code earliestExpiryOnHand} what expires that day; a date
     * before {@code generatedAt}'s day is expired stock not yet written off.
     */
    public record StockItemRow(ReportPlace place, String itemCode, String itemName, String itemNameZh,
            String categoryCode,
            long onHand, long reserved, long available, LocalDate earliestExpiry, Long earliestExpiryOnHand) {

        /** The 1.1 form: without the earliest expiry. */
        public StockItemRow(ReportPlace place, String itemCode, String itemName, String itemNameZh,
                String categoryCode, long onHand, long reserved, long available) {
            this(place, itemCode, itemName, itemNameZh, categoryCode, onHand, reserved, available, null, null);
        }
    }

    @Override
    public List<Table> tables() {
        List<List<Object>> cats = new ArrayList<>();
        for (StockCategoryRow r : byCategory) {
            cats.add(Rows.of(r.place().code(), r.place().nameZh(), r.place().nameEn(), r.categoryCode(), r.onHand(),
                    r.reserved(), r.available(), r.deliveredToFrontLine(), r.replicatedFrom(), r.dataAsOf(),
                    r.dataAgeSeconds()));
        }
        List<List<Object>> items = new ArrayList<>();
        for (StockItemRow r : byItem) {
            items.add(Rows.of(r.place().code(), r.place().nameZh(), r.place().nameEn(), r.itemCode(), r.itemName(),
                    r.categoryCode(), r.onHand(), r.reserved(), r.available(), r.earliestExpiry(),
                    r.earliestExpiryOnHand()));
        }
        return List.of(
                new Table("by-category", List.of("province", "province_zh", "province_en", "category", "on_hand",
                        "reserved", "available", "delivered_to_front_line", "replicated_from", "data_as_of",
                        "data_age_seconds"), cats),
                new Table("by-item", List.of("province", "province_zh", "province_en", "item", "item_name",
                        "category", "on_hand", "reserved", "available", "earliest_expiry",
                        "earliest_expiry_on_hand"), items));
    }
}
