package org.tongpao.inventory;

import java.util.List;

/**
 * What a forecast of stock cover needs, from one read transaction (1.11): {@code byItem} as {@link StockLedger#itemStock}
 * gives it, {@code movements} as {@link StockLedger#movementTotals} gives its {@code during} sums for a window
 * from {@code from} up to the read ({@code before} is 0: the days before the window are not read), and {@code inTransit} every transfer
 * {@link Transfer.Status#IN_TRANSIT} the caller sees, as {@link StockLedger#transfers} lists them (in no set order).
 *
 * @since 1.11
 */
public record RecentStock(List<ItemStock> byItem, List<MovementTotal> movements, List<Transfer> inTransit) {
    public RecentStock {
        byItem = List.copyOf(byItem);
        movements = List.copyOf(movements);
        inTransit = List.copyOf(inTransit);
    }
}
