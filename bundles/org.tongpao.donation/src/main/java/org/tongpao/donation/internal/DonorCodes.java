package org.tongpao.donation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.tongpao.core.persistence.Jdbc;
import java.util.regex.Pattern;

/**
 * The donor code an acknowledgement prints: 100 bits from {@link SecureRandom} in Crockford's base 32 (no I, L, O,
 * U), five groups of four, e.g. {@code 7KQ2-MX9C-...}: unguessable, and easy to read out on the phone and type.
 * A bearer secret of the public look-up, so only its SHA-256 is stored (100 random bits need no salt or slow hash:
 * nobody can try 2^100 codes); the clear code waits for the first print of an acknowledgement of its donation and
 * is then forgotten.
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

    /** The SHA-256 (hex) of a code in its printed form: what the database keeps. */
    static String hash(String printed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(printed.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Hashes the codes stored in clear before schema V2 and clears them (those were shown already): run at start,
     * idempotent, one transaction. Returns how many rows it changed.
     */
    static int hashStored(Connection c) throws SQLException {
        record Clear(long id, String code) {
        }
        List<Clear> clear = Jdbc.query(c, "SELECT id, donor_code FROM tp_don_donation WHERE donor_code IS NOT NULL",
                List.of(), rs -> new Clear(rs.getLong(1), rs.getString(2)));
        for (Clear k : clear) {
            Jdbc.update(c, "UPDATE tp_don_donation SET donor_code_hash = ?, donor_code = NULL, "
                    + "donor_code_shown_at = COALESCE(donor_code_shown_at, created_at) WHERE id = ?",
                    Jdbc.args(hash(k.code()), k.id()));
        }
        return clear.size();
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
