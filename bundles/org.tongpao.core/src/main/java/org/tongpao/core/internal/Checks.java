package org.tongpao.core.internal;

import org.tongpao.core.Codes;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;

/** Field checks run before any write, so a bad request changes nothing; messages name the JSON field. */
final class Checks {
    private Checks() {
    }

    static String code(String field, String value) {
        if (!Codes.isValid(value)) {
            throw new ValidationException(field, field + " must match " + Codes.REGEX);
        }
        return value;
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        return optionalText(field, value, max);
    }

    /** Trimmed text or null when blank; at most {@code max} characters. */
    static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new ValidationException(field, field + " must be at most " + max + " characters");
        }
        return v;
    }

    static long version(String field, Long value) {
        if (value == null || value < 1) {
            throw new ValidationException(field, field + " is required (the version last read, from 1)");
        }
        return value;
    }

    static Long optionalVersion(String field, Long value) {
        return value == null ? null : version(field, value);
    }

    static String query(String value) {
        return optionalText("q", value, 100);
    }

    static void expectVersion(String entity, long id, Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new StaleVersionException(entity, id, expected, actual);
        }
    }
}
