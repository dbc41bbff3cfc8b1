package org.tongpao.donation.internal.rest;

import javax.validation.constraints.Size;

/** Request bodies that exist only for the REST layer. */
public final class Bodies {
    private Bodies() {
    }

    /** Body of a cancellation or an erasure: why. */
    public record Reason(@Size(max = 500) String reason) {
    }
}
