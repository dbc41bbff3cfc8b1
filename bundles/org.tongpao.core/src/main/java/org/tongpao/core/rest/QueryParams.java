package org.tongpao.core.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;

/**
 * Query parameters arrive as strings and are parsed here, so every resource of every bundle answers a bad
 * value with the same 400 naming the parameter. Blank means absent (null).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A page size: absent → the default, otherwise 1 to {@link Paging#MAX_LIMIT}. */
    public static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return Paging.DEFAULT_LIMIT;
        }
        try {
            return Paging.limit(Integer.valueOf(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "limit must be a whole number between 1 and " + Paging.MAX_LIMIT);
        }
    }

    public static Long id(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, name + " must be a numeric id");
        }
    }

    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    public static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(name, name + " must be true or false");
        };
    }

    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, name + " must be an ISO-8601 instant, e.g. 2026-02-01T00:00:00Z");
        }
    }

    /** An enum constant, case-insensitive. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
