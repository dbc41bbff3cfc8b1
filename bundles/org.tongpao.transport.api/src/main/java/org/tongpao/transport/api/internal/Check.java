package org.tongpao.transport.api.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/** Bounds shared by the SPI's value types; every failure names the field. */
// Not core's org.tongpao.core.Checks on purpose: this SPI depends on nothing but the JDK, so a carrier wires to nothing else.
public final class Check {
    /** Waybills, references and codes: letters, digits and - _ . / only. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");

    private Check() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** A required text of at most {@code max} characters, trimmed, with no control characters. */
    public static String text(String value, String field, int max) {
        String v = required(value, field).strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return optionalText(v, field, max);
    }

    /** A required single line: like {@link #text} but without line breaks (names, places, people). */
    public static String line(String value, String field, int max) {
        return noBreaks(text(value, field, max), field);
    }

    /** An optional single line. */
    public static String optionalLine(String value, String field, int max) {
        return noBreaks(optionalText(value, field, max), field);
    }

    private static String noBreaks(String v, String field) {
        if (v != null && v.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(field + " must be a single line");
        }
        return v;
    }

    /** Like {@link #text} but null stays null (and blank becomes null); line breaks are allowed. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return v;
    }

    public static String token(String value, String field, int max) {
        String v = text(value, field, max);
        if (!TOKEN.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " may contain only letters, digits and . _ / -");
        }
        return v;
    }

    public static String province(String value, String field) {
        if (value == null || !PROVINCE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be a two-digit province code, e.g. 42");
        }
        return value;
    }

    /** A decimal in (0, max] (or [0, max] when zero is allowed) with at most {@code scale} decimals. */
    public static BigDecimal amount(BigDecimal value, String field, boolean zeroAllowed, long max, int scale) {
        required(value, field);
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            throw new IllegalArgumentException(field + " must be " + (zeroAllowed ? "zero or more" : "positive"));
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(field + " must be at most " + max);
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(field + " must have at most " + scale + " decimals");
        }
        return value;
    }

    /** A positive duration of at most {@code max}; null stays null. */
    public static Duration optionalDuration(Duration value, String field, Duration max) {
        if (value == null) {
            return null;
        }
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be positive and at most " + max.toDays() + " days");
        }
        return value;
    }
}
