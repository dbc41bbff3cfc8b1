package org.tongpao.core.persistence;

import java.sql.Connection;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;

/**
 * Idempotency-Key records: a write repeated with the same key by the same actor returns the first
 * result and changes nothing; the same key with a different request is a conflict (409). The record
 * is written in the write's own transaction, so a rejected write leaves no record.
 */
@ProviderType
public interface IdempotencyKeys {

    /** HTTP header carrying the key. */
    String HEADER = "Idempotency-Key";

    /** 1 to 128 visible ASCII characters. */
    Pattern KEY_PATTERN = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** What a write produced: the entity name and its id. */
    record Ref(String entity, String id) {
    }

    /** The result of {@link #execute}: the reference, and whether it was a repeat. */
    record Outcome(Ref ref, boolean repeat) {
    }

    /**
     * Runs {@code write} in one transaction, guarded by the key: a repeat returns the stored
     * reference without running {@code write}; two concurrent identical requests produce one
     * result (the loser hits the unique constraint, rolls back and reads the winner's record).
     * With a null key, simply runs {@code write} in a transaction.
     *
     * @param operation names the operation and its target, e.g. {@code orgunit.update:17}
     * @param request   the request body; its canonical JSON is fingerprinted
     */
    Outcome execute(DataSource ds, Caller caller, String key, String operation, Object request,
            Transactions.Work<Ref> write);

    /**
     * Lower-level step for a bundle that runs its own transaction: looks the key up and, when it is
     * new, claims it on {@code c}. Returns the stored reference of a repeat, or empty when the caller
     * should do the write and then call {@link #complete}. A concurrent claim surfaces as a
     * {@link DataAccessException} whose {@link DataAccessException#sqlState()} is
     * {@value Sql#UNIQUE_VIOLATION}: roll back and try again.
     */
    Optional<Ref> claim(Connection c, Caller caller, String key, String operation, Object request);

    /** Stores the result reference of a claimed key, on the same connection/transaction. */
    void complete(Connection c, Caller caller, String key, Ref ref);

    /** Throws {@code ValidationException("Idempotency-Key", ...)} unless the key is well-formed. */
    static void validateKey(String key) {
        if (key == null || !KEY_PATTERN.matcher(key).matches()) {
            throw new ValidationException(HEADER, "Idempotency-Key must be 1 to 128 visible ASCII characters");
        }
    }
}
