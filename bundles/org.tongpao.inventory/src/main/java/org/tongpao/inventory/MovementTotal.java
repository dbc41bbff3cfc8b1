package org.tongpao.inventory;

/**
 * The signed sum of one movement type's quantities for one item in one province (null: the ministry's own depots)
 * before a report's window ({@code before}) and within it ({@code during}), from the ledger's times (1.7). The
 * sum of both over every type is the on hand at the window's end.
 *
 * @since 1.7
 */
public record MovementTotal(String provinceCode, long itemId, MovementType type, long before, long during) {
}
