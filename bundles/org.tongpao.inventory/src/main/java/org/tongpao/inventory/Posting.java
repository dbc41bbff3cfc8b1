package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;

/** The movements one write produced together (e.g. an issue picked from three lots). */
public record Posting(long id, String operation, long depotId, String actor, String requestId, Instant occurredAt,
        List<Movement> movements) {
    public Posting {
        movements = List.copyOf(movements);
    }
}
