package org.tongpao.inventory;

import java.util.List;

/**
 * Both views of the stock in one read (1.8): {@code byCategory} as {@link StockLedger#nationalStock} gives it (every
 * category) and {@code byItem} as {@link StockLedger#itemStock}, from the same read of the province × item summary,
 * so the two agree and the summary is read once.
 *
 * @since 1.8
 */
public record StockSnapshot(List<ProvinceStock> byCategory, List<ItemStock> byItem) {
    public StockSnapshot {
        byCategory = List.copyOf(byCategory);
        byItem = List.copyOf(byItem);
    }
}
