package org.tongpao.inventory;

import java.util.List;

/**
 * What the daily report needs at a cut-off, from one read (1.12): {@code onHand} per province × item at the cut-off
 * (those in the caller's scope with stock on hand then, in no set order), and {@code movements} the signed
 * sums per province × item × type within the window [{@code from}, cut-off), as {@link StockLedger#movementTotals}
 * gives its {@code during} ({@code before} is 0). Both come from the ledger's times, never from later movements.
 *
 * @since 1.12
 */
public record StockAsOf(List<OnHand> onHand, List<MovementTotal> movements) {
    public StockAsOf {
        onHand = List.copyOf(onHand);
        movements = List.copyOf(movements);
    }

    /** On hand of one item in one province (null: the ministry's own depots) at the cut-off. */
    public record OnHand(String provinceCode, long itemId, long onHand) {
    }
}
