package org.tongpao.allocation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A need as the node that raised it holds it, named by codes (never that node's ids), for
 * {@link NeedService#replicate}.
 *
 * @param source             the need there, {@code <node>/<id>}, e.g. {@code province:42/17}
 * @param unitCode           the needing org unit
 * @param itemCode           the item, or null for a need of any item of {@code categoryCode}
 * @param receivingDepotCode the depot named to receive, or null
 * @param version            its version there: a replica no newer than the stored one changes nothing
 * @since 1.3
 */
public record NeedReplica(String source, String unitCode, String itemCode, String categoryCode, long quantity,
        long allocated, long received, Urgency urgency, boolean frontLine, LocalDate neededBy, String justification,
        Integer daysOfCoverLeft, String receivingDepotCode, NeedState state, String createdBy, Instant createdAt,
        Instant updatedAt, long version) {
}
