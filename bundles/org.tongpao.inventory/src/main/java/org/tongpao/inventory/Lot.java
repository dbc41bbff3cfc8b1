package org.tongpao.inventory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A quantity of one item received into one depot with one origin. A lot created by a transfer-in keeps
 * the expiry of the lot it came from ({@code parentLotId}). {@code status} is the stored status;
 * {@code expired} says whether the expiry date has passed (such a lot cannot be issued either way).
 */
public record Lot(long id, long itemId, long depotId, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
        LocalDate receivedOn, LotStatus status, boolean expired, boolean shortDated, Long parentLotId,
        long receivedQuantity, long onHand, long reserved, Instant createdAt) {
}
