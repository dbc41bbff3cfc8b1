package org.tongpao.allocation;

import java.time.Instant;

/**
 * A key area declared by the ministry: a whole province ({@code provinceCode}) or the subtree of an org
 * unit ({@code orgUnitId}, e.g. {@code P42-WUHAN}). Needs of units inside are flagged key-area.
 */
public record KeyArea(long id, String provinceCode, Long orgUnitId, String unitCode, String label,
        String createdBy, Instant createdAt) {
}
