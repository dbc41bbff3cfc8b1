package org.tongpao.federation;

import java.time.Instant;

/**
 * The state of one link, what {@code GET /api/v1/federation} and {@code tongpao:federation} show.
 *
 * @param node            the node at the other end
 * @param connected       whether the link is connected to the broker now
 * @param lastSent        when a message last left on this link (null: never)
 * @param lastReceived    when a message last arrived on this link (null: never)
 * @param backlog         messages queued in the outbox for this link and not yet acknowledged by the broker
 * @param oldestUnsent    when the oldest of them was queued (null: none): the backlog as an age
 * @param parked          messages from this link parked (no handler, newer major, or failed)
 * @param lagMillis       for the last message received, arrival time minus the time it was queued (-1: none)
 */
public record LinkStatus(String node, boolean connected, Instant lastSent, Instant lastReceived, long backlog,
        Instant oldestUnsent, long parked, long lagMillis) {
}
