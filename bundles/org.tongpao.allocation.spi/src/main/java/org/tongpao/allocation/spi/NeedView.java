package org.tongpao.allocation.spi;

import java.time.Instant;
import java.time.LocalDate;
import org.tongpao.allocation.Urgency;

/**
 * What a priority policy may look at for one open need. {@code remaining} is the quantity still open;
 * {@code daysOfCoverLeft} is the unit's own estimate (null when unknown); {@code keyAreaLabel} names the
 * declared key area the unit lies in (null when none).
 */
public record NeedView(long id, long orgUnitId, String unitCode, String provinceCode, Long itemId,
        String categoryCode, long quantity, long remaining, Urgency urgency, boolean frontLine, boolean keyArea,
        String keyAreaLabel, Integer daysOfCoverLeft, LocalDate neededBy, Instant createdAt) {
}
