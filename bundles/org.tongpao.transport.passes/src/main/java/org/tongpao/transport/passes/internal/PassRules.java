package org.tongpao.transport.passes.internal;

import java.time.Duration;
import java.time.Instant;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;

/** The rules of a pass, free of storage: its status at an instant, and what a new pass must satisfy. */
final class PassRules {
    /** Clock skew allowed between the issuing officer and the server when checking that a window is not over. */
    static final Duration SKEW = Duration.ofMinutes(10);

    private PassRules() {
    }

    /** Revoked wins; otherwise the window [validFrom, validUntil) decides. */
    static PassStatus status(Instant validFrom, Instant validUntil, Instant revokedAt, Instant now) {
        if (revokedAt != null) {
            return PassStatus.REVOKED;
        }
        if (now.isBefore(validFrom)) {
            return PassStatus.NOT_YET_VALID;
        }
        return now.isBefore(validUntil) ? PassStatus.VALID : PassStatus.EXPIRED;
    }

    /** The window must be ordered, not over already, and no longer than {@code longest}. */
    static void checkWindow(Instant validFrom, Instant validUntil, Instant now, Duration longest) {
        Checks.required("validFrom", validFrom);
        Checks.required("validUntil", validUntil);
        if (!validUntil.isAfter(validFrom)) {
            throw new ValidationException("validUntil", "validUntil must be after validFrom");
        }
        if (!validUntil.isAfter(now.minus(SKEW))) {
            throw new ValidationException("validUntil", "the window is over already (validUntil " + validUntil + ")");
        }
        if (Duration.between(validFrom, validUntil).compareTo(longest) > 0) {
            throw new ValidationException("validUntil", "a pass is valid for at most " + longest.toDays()
                    + " days; issue a new one when it runs out");
        }
    }

    /** Exactly one way of naming the area. */
    static AreaKind areaKind(NewPass p) {
        int given = (p.keyAreaId() != null ? 1 : 0) + (p.orgUnitId() != null ? 1 : 0)
                + (p.areaName() != null && !p.areaName().isBlank() ? 1 : 0);
        if (given != 1) {
            throw new ValidationException(given == 0 ? "areaName" : "keyAreaId",
                    "name the area by exactly one of keyAreaId, orgUnitId or areaName");
        }
        return p.keyAreaId() != null ? AreaKind.KEY_AREA : p.orgUnitId() != null ? AreaKind.ORG_UNIT : AreaKind.NAMED;
    }
}
