package org.tongpao.core;

import java.time.Instant;

/** A place that holds stock, owned by an org unit; {@code provinceCode} comes from the owner. */
public record Depot(long id, String code, String name, long orgUnitId, String provinceCode, String address,
        boolean active, long version, Instant createdAt, Instant updatedAt) {
}
