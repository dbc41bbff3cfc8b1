package org.tongpao.procurement.internal.rest;

import javax.validation.constraints.Size;
import org.tongpao.core.ValidationException;

/** Request bodies that exist only for the REST layer. */
public final class Bodies {
    private Bodies() {
    }

    /** Body of an approval: the justification an emergency order needs (optional for a normal one). */
    public record Approve(@Size(max = 1000) String justification) {
    }

    /**
     * The version an {@code If-Match} header names: {@code "3"}, {@code W/"3"} or {@code 3}; null when there is none
     * (the service refuses that once it checked the ids); 400 naming {@code If-Match} when it names no version.
     */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!v.matches("[0-9]{1,18}")) {
            throw new ValidationException("If-Match", "If-Match must name the order's version, e.g. \"3\"");
        }
        return Long.parseLong(v);
    }

    /** Body of a cancellation: why. */
    public record Cancel(@Size(max = 500) String reason) {
    }
}
