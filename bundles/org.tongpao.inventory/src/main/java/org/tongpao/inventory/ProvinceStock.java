package org.tongpao.inventory;

/**
 * Stock of one province (null: depots of the ministry itself) in one category, summed from balances:
 * on hand, held for allocations, and available to issue (unexpired, AVAILABLE lots, less reservations).
 */
public record ProvinceStock(String provinceCode, String categoryCode, long onHand, long reserved, long available) {
}
