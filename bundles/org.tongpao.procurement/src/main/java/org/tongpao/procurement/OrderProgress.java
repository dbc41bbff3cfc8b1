package org.tongpao.procurement;

import java.time.Instant;

/** What a channel reported about a placed order (CONFIRMED, IN_PRODUCTION, SHIPPED, AT_CUSTOMS, ...). */
public record OrderProgress(long id, String kind, Instant occurredAt, String detail, String source,
        Instant recordedAt) {
}
