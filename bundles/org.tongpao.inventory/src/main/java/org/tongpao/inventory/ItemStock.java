package org.tongpao.inventory;

/**
 * Stock of one item in one province (null: the ministry's own depots, the central reserve), read from the
 * province × item summary the inventory keeps in every movement's transaction (1.7): on hand, held for allocations,
 * available to issue (unexpired, AVAILABLE lots, less reservations) and the number of lots holding stock. Equal to
 * the sums of the balances at any committed moment.
 *
 * @since 1.7
 */
public record ItemStock(String provinceCode, long itemId, long onHand, long reserved, long available, long lots) {
}
