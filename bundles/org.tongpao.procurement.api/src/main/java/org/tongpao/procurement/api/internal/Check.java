package org.tongpao.procurement.api.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bounds every value type of the channel SPI checks when constructed; each failure is an
 * {@link IllegalArgumentException} naming the field. A channel's answers are untrusted input, so an answer
 * that breaks the contract fails inside the channel's own call.
 */
// Not core's Checks nor the carrier SPI's Check on purpose: this SPI depends on nothing but the JDK.
public final class Check {
    /** Catalogue codes (items, categories): as core's {@code Codes.REGEX}. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** References a channel or Tongpao hands out: letters, digits and - _ . / : only. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]*");
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    /** The most a quantity may be: a billion units. */
    public static final long MAX_QUANTITY = 1_000_000_000L;

    private Check() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /**
     * Free text: stripped, at most {@code max} characters, no control characters (a line break only when
     * {@code multiline}); blank becomes null, and null is refused when {@code mandatory}.
     */
    public static String text(String value, String field, int max, boolean mandatory, boolean multiline) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (mandatory) {
                throw new IllegalArgumentException(field + (value == null ? " is required" : " must not be blank"));
            }
            return null;
        }
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
        boolean badChar = v.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && c == '\n'));
        if (badChar) {
            throw new IllegalArgumentException(field + (v.indexOf('\n') >= 0 && !multiline
                    ? " must be a single line" : " must not contain control characters"));
        }
        return v;
    }

    /** A reference (order, quote, event, document number, cursor) of at most {@code max} characters. */
    public static String reference(String value, String field, int max, boolean mandatory) {
        String v = text(value, field, max, mandatory, false);
        if (v != null && !REFERENCE.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " may contain only letters, digits and . _ / : -");
        }
        return v;
    }

    /** A catalogue code (item or category); null allowed unless {@code mandatory}. */
    public static String code(String value, String field, boolean mandatory) {
        if (value == null && !mandatory) {
            return null;
        }
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be a catalogue code: 2-32 of A-Z, 0-9 and -");
        }
        return value;
    }

    public static String province(String value, String field) {
        if (value == null || !PROVINCE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be a two-digit province code, e.g. 42");
        }
        return value;
    }

    /** An ISO 4217 currency code the JDK knows, e.g. CNY, KRW, USD. */
    public static String currency(String value, String field) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(field + " must be an ISO 4217 code such as CNY");
        }
        try {
            Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + value + " is not an ISO 4217 currency", e);
        }
        return value;
    }

    /** A price: positive, at most a billion, with at most 4 decimals (never a double). */
    public static BigDecimal price(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_QUANTITY);
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException(field + " must have at most 4 decimals");
        }
        return value;
    }

    /** A whole number in [min, {@link #MAX_QUANTITY}]. */
    public static long quantity(long value, String field, long min) {
        if (value < min || value > MAX_QUANTITY) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + MAX_QUANTITY);
        }
        return value;
    }

    /** A whole number of days in [0, max]. */
    public static int days(int value, String field, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be between 0 and " + max + " days");
        }
        return value;
    }

    /** An unmodifiable copy holding between {@code min} and {@code max} non-null elements. */
    public static <T> List<T> list(Collection<T> values, String field, int min, int max) {
        if (values != null && values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(field + " must not hold null");
        }
        List<T> copy = values == null ? List.of() : List.copyOf(values);
        if (copy.size() < min) {
            throw new IllegalArgumentException(field + " must hold at least " + min);
        }
        if (copy.size() > max) {
            throw new IllegalArgumentException(field + " must hold at most " + max);
        }
        return copy;
    }

    /** Refuses two elements with the same key (line references in one order, say). */
    public static <T> void distinct(List<T> values, java.util.function.Function<T, ?> key, String field) {
        if (values.stream().map(key).distinct().count() != values.size()) {
            throw new IllegalArgumentException(field + " must not repeat a reference");
        }
    }
}
