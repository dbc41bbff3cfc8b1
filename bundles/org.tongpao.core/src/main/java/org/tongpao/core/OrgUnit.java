package org.tongpao.core;

import java.time.Instant;

/**
 * A node of the organisation tree. {@code provinceCode} is derived from the parent chain: null for
 * the ministry, the province itself for a provincial department and everything below it.
 */
public record OrgUnit(long id, String code, String name, String nameZh, OrgLevel level, Long parentId,
        String provinceCode, boolean frontLine, boolean active, long version, Instant createdAt,
        Instant updatedAt) {
}
