package org.tongpao.core.persistence;

import java.time.Instant;

/**
 * Filters of an audit-trail read; every one may be null (no filter). {@code from} is inclusive, {@code to}
 * exclusive. {@code entity} is the audited type as written ({@code depot}, {@code orgunit}, {@code lot}...).
 *
 * @since 1.2
 */
public record AuditQuery(String entity, String entityId, String actor, Instant from, Instant to, String requestId) {

    /** No filter: the whole trail. */
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
