package org.tongpao.procurement.internal.rest;

import javax.validation.constraints.Size;

/** Request bodies that exist only for the REST layer. */
public final class Bodies {
    private Bodies() {
    }

    /** Body of an approval: the justification an emergency order needs (optional for a normal one). */
    public record Approve(@Size(max = 1000) String justification) {
    }

    /** Body of a cancellation: why. */
    public record Cancel(@Size(max = 500) String reason) {
    }
}
