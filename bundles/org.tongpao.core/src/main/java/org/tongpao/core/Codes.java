package org.tongpao.core;

import java.util.regex.Pattern;

/** The shape of business codes (org units, items, depots): upper-case letters, digits and dashes. */
public final class Codes {
    /** 2 to 32 characters: {@code [A-Z0-9][A-Z0-9-]{1,31}}. */
    public static final String REGEX = "[A-Z0-9][A-Z0-9-]{1,31}";
    public static final Pattern PATTERN = Pattern.compile(REGEX);

    private Codes() {
    }

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
