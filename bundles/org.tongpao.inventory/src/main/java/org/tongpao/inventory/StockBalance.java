package org.tongpao.inventory;

import java.time.LocalDate;

/**
 * A balance row for views: one lot in one depot, or (rolled up by item) all lots of an item in a depot,
 * then {@code lotId}, {@code expiryDate} (the earliest) and {@code status} are null. {@code available} counts
 * only issuable lots; {@code shortDated} flags expiry within the configured number of days.
 */
public record StockBalance(long depotId, String depotCode, String provinceCode, long itemId, String itemCode,
        String categoryCode, Long lotId, LocalDate expiryDate, LotStatus status, long onHand, long reserved,
        long available, boolean shortDated) {
}
