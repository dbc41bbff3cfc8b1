package org.tongpao.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow password hashes: PBKDF2-HMAC-SHA256 from the JDK, stored self-describing as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in unpadded Base64), so the iteration
 * count can be raised later and every stored hash still verifies. Also verifies the unsalted SHA-256 hex
 * digests of earlier releases, which {@link #needsUpgrade} reports for re-hashing at the next login.
 */
final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP Password Storage Cheat Sheet's figure for PBKDF2-HMAC-SHA256 (2023, still current). */
    static final int OWASP_ITERATIONS = 600_000;
    /** Below this a stored hash is refused as tampered or absurd rather than verified cheaply. */
    static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 100_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern LEGACY_SHA256 = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    PasswordHash(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS + ", not " + iterations);
        }
        this.iterations = iterations;
    }

    int iterations() {
        return iterations;
    }

    /** A fresh hash of {@code password} with a new random salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations, HASH_BYTES));
    }

    /** Whether {@code password} matches {@code stored} (either form); false for anything unparseable. */
    static boolean verify(String password, String stored) {
        if (stored == null || password == null) {
            return false;
        }
        if (LEGACY_SHA256.matcher(stored).matches()) {
            byte[] expected = HexFormat.of().parseHex(stored);
            return MessageDigest.isEqual(expected, sha256(password));
        }
        Parsed p = Parsed.of(stored);
        if (p == null) {
            return false;
        }
        return MessageDigest.isEqual(p.hash(), pbkdf2(password, p.salt(), p.iterations(), p.hash().length));
    }

    /** Whether {@code stored} should be re-hashed: the old SHA-256 form, or fewer iterations than ours. */
    boolean needsUpgrade(String stored) {
        Parsed p = Parsed.of(stored);
        return p == null || p.iterations() < iterations;
    }

    static boolean isLegacy(String stored) {
        return stored != null && LEGACY_SHA256.matcher(stored).matches();
    }

    /** The iteration count a stored hash was made with, or 0 for the legacy or unknown forms. */
    static int iterationsOf(String stored) {
        Parsed p = Parsed.of(stored);
        return p == null ? 0 : p.iterations();
    }

    /** The unsalted SHA-256 hex digest of the earlier releases (tests and documentation only). */
    static String legacySha256(String password) {
        return HexFormat.of().withUpperCase().formatHex(sha256(password));
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 8+ runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
        static Parsed of(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\$");
            if (parts.length != 4 || !SCHEME.equals(parts[0])) {
                return null;
            }
            try {
                int n = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (n < MIN_ITERATIONS || n > MAX_ITERATIONS || salt.length < 8 || hash.length < 16) {
                    return null;
                }
                return new Parsed(n, salt, hash);
            } catch (IllegalArgumentException e) {
                // not a number or not Base64: an unusable entry never matches
                return null;
            }
        }
    }
}
