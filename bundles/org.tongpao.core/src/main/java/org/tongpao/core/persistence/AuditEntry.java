package org.tongpao.core.persistence;

import java.time.Instant;

/**
 * One audit row. {@code beforeJson} / {@code afterJson} are the JSON of the entity before and after
 * the change (null for a creation / removal).
 */
public record AuditEntry(long id, Instant at, String actor, String role, String node, String requestId,
        String entity, String entityId, String action, String beforeJson, String afterJson) {
}
