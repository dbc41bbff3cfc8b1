package org.tongpao.core;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Field checks every bundle runs before a write, so a bad request changes nothing: each failure is a
 * {@link ValidationException} (400) naming the JSON field, the field first in every signature. (The carrier
 * SPI {@code transport.api} keeps a tiny copy of its own, since it depends on nothing but the JDK.)
 *
 * @since 1.2
 */
public final class Checks {
    /** The longest free-text search ({@code q}) a list accepts. */
    public static final int QUERY_MAX = 100;

    private Checks() {
    }

    /** {@code value}, or 400 "{field} is required" when null. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        return value;
    }

    /** The request body, or 400 on field {@code body} when there is none. */
    public static <T> T body(T value) {
        if (value == null) {
            throw new ValidationException("body", "a request body is required");
        }
        return value;
    }

    /** A business code ({@link Codes#REGEX}). */
    public static String code(String field, String value) {
        if (!Codes.isValid(value)) {
            throw new ValidationException(field, field + " must match " + Codes.REGEX);
        }
        return value;
    }

    /** Required text, trimmed, at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        return optionalText(field, value, max);
    }

    /** Trimmed text or null when null or blank; at most {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new ValidationException(field, field + " must be at most " + max + " characters");
        }
        return v;
    }

    /** Required text on one line (names, places, people): {@link #text} without line breaks. */
    public static String line(String field, String value, int max) {
        return noBreaks(field, text(field, value, max));
    }

    /** {@link #optionalText} without line breaks. */
    public static String optionalLine(String field, String value, int max) {
        return noBreaks(field, optionalText(field, value, max));
    }

    private static String noBreaks(String field, String v) {
        if (v != null && (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
            throw new ValidationException(field, field + " must be a single line");
        }
        return v;
    }

    /** A quantity above zero. */
    public static long positive(String field, Long value) {
        if (value == null || value <= 0) {
            throw new ValidationException(field, field + " must be a positive whole number");
        }
        return value;
    }

    /** A count of zero or more. */
    public static long notNegative(String field, Long value) {
        if (value == null || value < 0) {
            throw new ValidationException(field, field + " must be zero or a positive whole number");
        }
        return value;
    }

    /** The version the client last read (optimistic locking), from 1. */
    public static long version(String field, Long value) {
        if (value == null || value < 1) {
            throw new ValidationException(field, field + " is required (the version last read, from 1)");
        }
        return value;
    }

    /** As {@link #version}, but null (no expectation) stays null. */
    public static Long optionalVersion(String field, Long value) {
        return value == null ? null : version(field, value);
    }

    /** 409 {@link StaleVersionException} when an expected version is given and differs from the stored one. */
    public static void expectVersion(String entity, long id, Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new StaleVersionException(entity, id, expected, actual);
        }
    }

    /** A list's free-text search {@code q}: trimmed, null when blank, at most {@link #QUERY_MAX} characters. */
    public static String query(String value) {
        return optionalText("q", value, QUERY_MAX);
    }

    /** Ids of a bulk call: nulls dropped, distinct, ascending; at most {@code max} (else 400). */
    public static List<Long> ids(String field, Collection<Long> ids, int max) {
        if (ids == null) {
            return List.of();
        }
        List<Long> out = ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (out.size() > max) {
            throw new ValidationException(field, "at most " + max + " " + field + " per call, not " + out.size());
        }
        return out;
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    /** A reference another system gave (an order's, a line's): 1-64 letters, digits or . _ / -. @since 1.7 */
    public static String reference(String field, String value) {
        if (value == null || !REFERENCE.matcher(value).matches()) {
            throw new ValidationException(field, field + " must be 1-64 letters, digits or . _ / -");
        }
        return value;
    }

    /** Null, or an amount above zero. @since 1.7 */
    public static java.math.BigDecimal optionalPositive(String field, java.math.BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw new ValidationException(field, field + " must be positive");
        }
        return value;
    }

    /**
     * The lines of a request body, checked: 1 to {@code max} of them (else 400 naming {@code field}, "{what} has 1
     * to {max} lines"), none null, each checked by {@code check} with its path {@code field[i]}, none listed twice
     * by {@code key} of the checked line (400 naming {@code field[i].keyField}).
     *
     * @since 1.7
     */
    public static <L, R> List<R> lines(String field, String what, List<L> lines, int max, String keyField,
            java.util.function.Function<R, Object> key, java.util.function.BiFunction<String, L, R> check) {
        if (lines == null || lines.isEmpty() || lines.size() > max) {
            throw new ValidationException(field, what + " has 1 to " + max + " lines");
        }
        java.util.Set<Object> seen = new java.util.HashSet<>();
        List<R> out = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String at = field + "[" + i + "]";
            R line = check.apply(at, required(at, lines.get(i)));
            if (!seen.add(key.apply(line))) {
                throw new ValidationException(at + "." + keyField, "line " + key.apply(line) + " is listed twice");
            }
            out.add(line);
        }
        return List.copyOf(out);
    }
}
