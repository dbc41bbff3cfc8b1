package org.tongpao.transport.passes.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The code a printed pass carries: 192 bits from {@link SecureRandom} (unguessable; a checkpoint cannot enumerate
 * passes), written as 32 URL-safe characters. Only its SHA-256 is stored and looked up, so the database alone
 * neither prints a pass nor answers for one.
 */
final class PassTokens {
    static final int BYTES = 24;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{32}");

    private final SecureRandom random;

    PassTokens(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether {@code token} can be a code at all (anything else is unknown without a database lookup). */
    static boolean wellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }

    /** SHA-256, lower-case hex: what is stored and looked up. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
