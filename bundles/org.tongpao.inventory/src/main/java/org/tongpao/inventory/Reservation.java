package org.tongpao.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Stock held for an owner (e.g. {@code allocation-batch:12}) until it ships or is released. The lines
 * name the lots held, chosen first-expiry-first-out when the reservation was made.
 */
public record Reservation(long id, long depotId, long itemId, long quantity, String holder, Status status,
        List<Line> lines) {

    public enum Status { HELD, DISPATCHED, RELEASED }

    // distinct schema name: other records are called Line too
    @Schema(name = "ReservationLine")
    public record Line(long lotId, long quantity) {
    }
}
