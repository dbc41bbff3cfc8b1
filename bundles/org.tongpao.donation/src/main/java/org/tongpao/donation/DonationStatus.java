package org.tongpao.donation;

import java.util.Set;

/**
 * A donation's life: PLEDGED → PARTLY_RECEIVED → RECEIVED, or CANCELLED before it is complete (what was received
 * stays received). Goods that arrive without a pledge make a donation that is RECEIVED from the start.
 */
public enum DonationStatus {
    PLEDGED, PARTLY_RECEIVED, RECEIVED, CANCELLED;

    /** Whether goods may still be received against it. */
    public boolean receivable() {
        return this == PLEDGED || this == PARTLY_RECEIVED;
    }

    /** The states this one may move to. */
    public Set<DonationStatus> next() {
        return switch (this) {
            case PLEDGED -> Set.of(PARTLY_RECEIVED, RECEIVED, CANCELLED);
            case PARTLY_RECEIVED -> Set.of(PARTLY_RECEIVED, RECEIVED, CANCELLED);
            case RECEIVED, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(DonationStatus target) {
        return next().contains(target);
    }
}
