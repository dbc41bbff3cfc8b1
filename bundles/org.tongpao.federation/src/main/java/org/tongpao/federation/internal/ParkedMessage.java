package org.tongpao.federation.internal;

import java.time.Instant;

/**
 * A message set aside, as {@code GET /api/v1/federation/parked} and {@code tongpao:federation-parked} show it.
 *
 * @param link     the node whose link it arrived on
 * @param payload  the raw envelope, kept to apply it again after an upgrade
 * @param resolved when a retry applied it (null: still parked)
 */
public record ParkedMessage(long seq, String messageId, String link, String type, String version, ParkReason reason,
        String error, Instant parkedAt, int attempts, Instant lastAttemptAt, Instant resolved, String payload) {
}
