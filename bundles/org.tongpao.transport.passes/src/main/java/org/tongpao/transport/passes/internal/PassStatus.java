package org.tongpao.transport.passes.internal;

/** What a pass (or a printed copy of it) is worth at a checkpoint right now. */
public enum PassStatus {
    /** Inside its validity window, not revoked: the vehicle may pass. */
    VALID,
    /** Its window has not begun. */
    NOT_YET_VALID,
    /** Its window is over. */
    EXPIRED,
    /** Withdrawn by the issuing side. */
    REVOKED,
    /** This print-out was replaced by a newer copy of the same pass (a lost or old print-out). */
    SUPERSEDED,
    /** No pass has this code. */
    UNKNOWN;

    public boolean valid() {
        return this == VALID;
    }
}
