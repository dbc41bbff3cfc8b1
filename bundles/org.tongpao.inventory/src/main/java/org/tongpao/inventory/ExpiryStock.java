package org.tongpao.inventory;

import java.time.LocalDate;

/**
 * Stock on hand of one item in one province (null: the ministry's own depots, the central reserve) that expires on
 * {@code expiryDate}, from the province × item × expiry day summary the inventory keeps in every movement's
 * transaction (1.10). Counts every lot with stock on hand and that expiry date, whatever its status, reservations
 * included: what would be lost on that day. A date before today is stock already expired and not yet written off.
 * Lots without an expiry date are never counted.
 *
 * @since 1.10
 */
public record ExpiryStock(String provinceCode, long itemId, LocalDate expiryDate, long onHand) {
}
