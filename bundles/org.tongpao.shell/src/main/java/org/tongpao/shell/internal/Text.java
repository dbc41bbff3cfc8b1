package org.tongpao.shell.internal;

import java.util.Locale;

final class Text {

    private Text() {
    }

    /** Case-insensitive "contains" over several fields, null-safe. */
    static boolean matches(String needle, String... fields) {
        String n = needle.toLowerCase(Locale.ROOT);
        for (String f : fields) {
            if (f != null && f.toLowerCase(Locale.ROOT).contains(n)) {
                return true;
            }
        }
        return false;
    }

    static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
