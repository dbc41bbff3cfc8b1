package org.tongpao.core.console;

import java.util.Locale;
import java.util.UUID;
import org.tongpao.core.Caller;

/**
 * The caller and cell text of console commands. Commands run as the platform ({@link Caller#system}): whoever
 * reached this node's Karaf console already administers it.
 */
public final class Console {

    private Console() {
    }

    /** A fresh platform caller for one command run, its request id prefixed {@code shell-}. */
    public static Caller caller() {
        return Caller.system("shell-" + UUID.randomUUID());
    }

    /** The value's text, or {@code -} for null. */
    public static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }

    /** Case-insensitive "contains" over several fields, null-safe. */
    public static boolean matches(String needle, String... fields) {
        String n = needle.toLowerCase(Locale.ROOT);
        for (String f : fields) {
            if (f != null && f.toLowerCase(Locale.ROOT).contains(n)) {
                return true;
            }
        }
        return false;
    }
}
