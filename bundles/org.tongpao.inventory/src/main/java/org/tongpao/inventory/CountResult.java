package org.tongpao.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A recorded count: expected (books) against counted, and the COUNT adjustments it produced. */
public record CountResult(long id, long depotId, String actor, Instant countedAt, List<Line> lines,
        List<Movement> adjustments) {

    // distinct schema name: other records are called Line too
    @Schema(name = "CountResultLine")
    public record Line(long itemId, Long lotId, long expected, long counted, long difference) {
    }
}
