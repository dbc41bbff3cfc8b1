package org.tongpao.inventory.internal;

import org.tongpao.core.ValidationException;

/** Field checks run before a write, so a bad request changes nothing; messages name the JSON field. */
final class Fields {
    private Fields() {
    }

    static void positive(Long q, String field) {
        if (q == null || q <= 0) {
            throw new ValidationException(field, field + " must be a positive whole number");
        }
    }

    static void required(Object v, String field) {
        if (v == null) {
            throw new ValidationException(field, field + " is required");
        }
    }

    /** Trimmed text, or null when blank; at most {@code max} characters. */
    static String text(String s, int max, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw new ValidationException(field, field + " must be at most " + max + " characters");
        }
        return s.strip();
    }
}
