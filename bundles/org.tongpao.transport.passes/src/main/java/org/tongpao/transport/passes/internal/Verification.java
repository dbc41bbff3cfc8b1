package org.tongpao.transport.passes.internal;

import java.time.Instant;

/**
 * The checkpoint's answer, and all of it: whether the pass is valid now and why not, the area, the window, the
 * vehicle and the authority. Nothing about the goods, the shipment or the people. For an unknown code only
 * {@code status}, {@code valid} and {@code checkedAt}.
 */
public record Verification(PassStatus status, boolean valid, String area, Instant validFrom, Instant validUntil,
        String vehiclePlate, String authority, Instant checkedAt) {

    static Verification unknown(Instant now) {
        return new Verification(PassStatus.UNKNOWN, false, null, null, null, null, null, now);
    }

    static Verification of(Pass pass, PassStatus status, Instant now) {
        return new Verification(status, status.valid(), pass.area(), pass.validFrom(), pass.validUntil(),
                pass.vehiclePlate(), pass.authority(), now);
    }
}
