package org.tongpao.donation.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The donor code an acknowledgement prints: 100 bits from {@link SecureRandom} in Crockford's base 32 (no I, L, O,
 * U), five groups of four, e.g. {@code 7KQ2-MX9C-...}: unguessable, and easy to read out on the phone and type.
 * Stored as printed, since the acknowledgement can be printed again; it opens nothing but the public look-up, which
 * shows no personal data.
 */
final class DonorCodes {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORM = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");

    private final SecureRandom random;

    DonorCodes(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return sb.toString();
    }

    /** The code as typed (lower case, spaces, O for 0, I/L for 1) in its printed form, or null when it cannot be one. */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
        if (s.length() != 20) {
            return null;
        }
        String printed = s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-"
                + s.substring(12, 16) + "-" + s.substring(16, 20);
        return FORM.matcher(printed).matches() ? printed : null;
    }
}
