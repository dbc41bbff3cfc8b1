package org.tongpao.inventory;

import java.time.Instant;

/** Filters of the ledger view, each may be null; {@code from} inclusive, {@code to} exclusive. */
public record MovementFilter(Long depotId, Long itemId, MovementType type, Instant from, Instant to) {
}
