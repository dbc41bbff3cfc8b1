package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;

/** A recorded count: expected (books) against counted, and the COUNT adjustments it produced. */
public record CountResult(long id, long depotId, String actor, Instant countedAt, List<Line> lines,
        List<Movement> adjustments) {

    public record Line(long itemId, Long lotId, long expected, long counted, long difference) {
    }
}
