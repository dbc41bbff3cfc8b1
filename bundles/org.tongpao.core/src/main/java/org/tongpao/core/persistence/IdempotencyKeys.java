package org.tongpao.core.persistence;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;

/**
 * Idempotency-Key records, per actor: a write repeated with the same key by the same actor gets the first
 * result and changes nothing; the same key with a different request is a conflict (409).
 *
 * <p>The life of a key: the first attempt <em>claims</em> it in a transaction of its own (committed at
 * once, so no rollback of the write can release it) and owns it for a lease. It then runs the write and
 * <em>completes</em> the claim in the write's own transaction, so the key points at a result exactly when
 * the write committed. When the write is refused with a client error (400, 403, 404, 409) that refusal is
 * stored as the key's outcome; any other failure (a lock the database gave up on, a crash) releases the key,
 * so a retry runs the write. A stale version ({@link org.tongpao.core.StaleVersionException}, 412 over REST)
 * releases the key too (since 2.7): it tells the caller to read again, and the request sent with the version read
 * afresh may carry the same key. A copy that arrives while the key is claimed waits for the outcome (bounded; then
 * {@link IdempotencyKeyInProgressException}, 409 with Retry-After) and gets it; a claim whose owner died is
 * taken over once its lease has run out. The REST layer stores the first HTTP answer with the key
 * ({@link #answered} in the write's own commit since 2.10, else {@link #answer}) and answers every repeat with it;
 * inside {@link #answered} the claim is part of that one transaction too (a copy on another thread waits on it).
 */
@ProviderType
public interface IdempotencyKeys {

    /** HTTP header carrying the key. */
    String HEADER = "Idempotency-Key";

    /** Response header on an answer that is a stored first answer, not a new run. */
    String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Prefix of the keys a bundle derives for its own steps (see {@link #internal}). @since 2.2 */
    String INTERNAL_PREFIX = "internal:";

    /**
     * The key a bundle derives for one of its own steps when the client sent none (a shipment's dispatch, a
     * batch line's reservation): it still keeps the step from running twice, but a refusal under it is not
     * kept, because no client will repeat it expecting the same answer; once the cause is gone (a depot
     * reactivated, stock received) the same step runs. A client key that happens to start with the prefix is
     * treated the same way.
     *
     * @since 2.2
     */
    static String internal(String base) {
        return base.startsWith(INTERNAL_PREFIX) ? base : INTERNAL_PREFIX + base;
    }

    /** 1 to 128 visible ASCII characters. */
    Pattern KEY_PATTERN = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** What a write produced: the entity name and its id. */
    record Ref(String entity, String id) {
    }

    /** The result of {@link #execute}: the reference, and whether it was a repeat. */
    record Outcome(Ref ref, boolean repeat) {
    }

    /**
     * Runs {@code write} in one transaction guarded by the key (see the class comment), retrying it on
     * transient lock failures ({@link TransientRetry}). A repeat returns the first result's reference without
     * running {@code write}, or throws the first attempt's client error again. With a null key, simply runs
     * {@code write} in a transaction, with the same retries.
     *
     * @param operation names the operation and its target, e.g. {@code orgunit.update:17}
     * @param request   the request body; its canonical JSON is fingerprinted
     */
    Outcome execute(DataSource ds, Caller caller, String key, String operation, Object request,
            Transactions.Work<Ref> write);

    /**
     * The lower-level steps of {@link #execute}, for a bundle that runs its own transaction: claims the key
     * in a transaction of its own, waiting while another attempt holds it. Throws the stored client error of
     * a key whose first attempt was refused, {@link org.tongpao.core.ConflictException} when the key was used
     * for a different request, {@link IdempotencyKeyInProgressException} when the wait runs out.
     *
     * @since 2.0
     */
    Claim begin(DataSource ds, Caller caller, String key, String operation, Object request);

    /**
     * {@link #begin} and then one {@link Transactions#enclosing} transaction: what the write asks of other
     * bundles' public services (the inventory's receipt, funding's spend) joins it, so the bundle's rows, theirs
     * and the key's outcome commit or roll back together. A repeat returns the first result's reference without
     * running {@code write}; a failure is handed to {@link Claim#fail} and thrown again. With a null key, simply
     * runs {@code write} enclosing. What procurement's receipts and the donation intake share.
     *
     * @since 2.5
     */
    default Ref executeEnclosing(DataSource ds, Caller caller, String key, String operation, Object request,
            Transactions.Work<Ref> write) {
        Claim claim = key == null ? null : begin(ds, caller, key, operation, request);
        if (claim != null && claim.replay().isPresent()) {
            return claim.replay().get();
        }
        try {
            return Transactions.enclosing(ds, operation, c -> {
                Ref ref = write.apply(c);
                if (claim != null) {
                    claim.complete(c, ref);
                }
                return ref;
            });
        } catch (RuntimeException | Error e) {
            if (claim != null) {
                claim.fail(e);
            }
            throw e;
        }
    }

    /** A key as {@link #begin} left it: either a repeat to answer, or owned by this attempt. */
    @ProviderType
    interface Claim {

        /** The first result when this is a repeat (then run nothing); empty when this attempt must write. */
        Optional<Ref> replay();

        /**
         * On the write's connection, inside its transaction: records the result. Throws (so the write rolls
         * back) when the claim was lost, i.e. its lease ran out and another attempt took the key over.
         */
        void complete(Connection c, Ref ref);

        /**
         * After the write failed and rolled back: a client error (validation, not found, forbidden,
         * conflict) is stored as the key's outcome; anything else releases the key for a retry.
         */
        void fail(Throwable failure);
    }

    /** One use of a key by a write on this thread: the first run, or a repeat answered from the record. */
    record Use(String actor, String key, boolean repeat) {
    }

    /**
     * The keys that writes on this thread used since the last call (the list is then cleared): how the REST
     * layer learns that a request's key was honoured, and whether as a repeat.
     *
     * @since 2.0
     */
    List<Use> takeUses();

    /** An HTTP answer as stored for a key: status, content type, {@code Location} (or null), body (or null). */
    record Answer(int status, String contentType, String location, String body) {
    }

    /**
     * Stores {@code candidate} as the key's first answer unless one is stored already, and returns the stored
     * one; empty (nothing stored) while the key has no settled outcome (not claimed, released, or still
     * running).
     *
     * @since 2.0
     */
    Optional<Answer> answer(Caller caller, String key, Answer candidate);

    /** Work that may write under a key, such as a REST resource method, and may throw. @since 2.10 */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /**
     * What {@link #answered} did: the call's result and the answer stored with the key in the same commit, or null
     * when none was (the call did not use the key for a first run, or the answer was not to be kept).
     *
     * @since 2.10
     */
    record Answered<T>(T result, Answer answer) {
    }

    /**
     * Runs {@code call} (a request carrying {@code key} from {@code caller}) in one {@link Transactions#outermost}
     * transaction on the key store's database, which every write the call makes there joins; when the call ran the
     * key's write for the first time, stores {@code answer} of its result (null: nothing to keep) as the key's
     * answer in that same transaction. So the claim, the write, its outcome and its answer commit together: no
     * crash can leave a settled key without its answer, and a failed answer leaves no write. A call refused with a
     * client error still commits (the key keeps its refusal, see {@link Claim#fail}) and the error is thrown after
     * the commit; any other failure rolls everything back (a transient one runs the call again). This default runs
     * the call alone and stores nothing, for stores without a database.
     *
     * @since 2.10
     */
    default <T> Answered<T> answered(Caller caller, String key, String what, Call<T> call,
            java.util.function.Function<T, Answer> answer) throws Exception {
        return new Answered<>(call.call(), null);
    }

    /**
     * In {@code c}'s transaction, drops the stored HTTP answers (see {@link #answer}) of the settled keys whose
     * result is one of these records: a later repeat still changes nothing, and gets an answer built afresh from the
     * record as it is then. For data that must not outlive a change in a kept answer, such as a donor's personal
     * data after an erasure. Returns how many keys lost their answer.
     *
     * @since 2.6
     */
    int forgetAnswers(Connection c, String entity, java.util.Collection<String> ids);

    /** Throws {@code ValidationException("Idempotency-Key", ...)} unless the key is well-formed. */
    static void validateKey(String key) {
        if (key == null || !KEY_PATTERN.matcher(key).matches()) {
            throw new ValidationException(HEADER, "Idempotency-Key must be 1 to 128 visible ASCII characters");
        }
    }
}
