package org.tongpao.inventory;

import java.time.LocalDate;

/** Stock of one lot in one depot; kept in the same transaction as every movement, never negative. */
public record Balance(long depotId, long itemId, long lotId, String provinceCode, String categoryCode,
        LocalDate expiryDate, LotStatus status, long onHand, long reserved, long available) {
}
