package org.tongpao.allocation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tongpao.core.persistence.IdempotencyKeys;

/** The keys and holder a batch's inventory calls carry, so a repeated request repeats the same calls. */
final class LineKeys {

    private LineKeys() {
    }

    static String holder(long batchId) {
        return "allocation-batch:" + batchId;
    }

    /**
     * The inventory's key for one line: {@code <key>:line:<n>} (plus the step for a compensation), so a
     * repeated request repeats the same inventory calls. Without a client key the batch id stands in, as an
     * internal key (a refusal under it is not kept);
     * an over-long client key is hashed to stay within the 128-character limit.
     */
    static String derivedKey(String key, long batchId, String step, int lineNo) {
        String base = key == null ? IdempotencyKeys.internal("alloc-batch-" + batchId + "-" + step) : key;
        if (base.length() > 96) {
            base = "h-" + sha256(base).substring(0, 40);
        }
        boolean main = key == null || !"release".equals(step);
        return base + (main ? "" : ":" + step) + ":line:" + lineNo;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
