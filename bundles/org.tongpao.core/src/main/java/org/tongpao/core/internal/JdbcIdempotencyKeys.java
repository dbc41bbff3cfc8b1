package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.IdempotencyKeyInProgressException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * Idempotency-Key records in {@code tp_idempotency} (see {@link IdempotencyKeys} for the life of a key).
 * A claim is committed on its own before the write, so nothing the write does (a refusal, a retried deadlock)
 * can release it behind a waiting copy's back; the write settles it in its own transaction, so "committed" and
 * "the key points at the result" are one fact. A copy polls the row until it is settled: on Derby the read
 * waits on the write's row lock by itself, on PostgreSQL it sees the last committed state.
 */
@Component(service = IdempotencyKeys.class)
public class JdbcIdempotencyKeys implements IdempotencyKeys {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcIdempotencyKeys.class);

    /** How long a claim is its owner's: far above any write, short enough that a crash does not block a key long. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** How long a copy waits for the first attempt before answering "in progress". */
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int IN_PROGRESS_RETRY_AFTER_SECONDS = 2;

    private static final String CLAIMED = "CLAIMED";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    /** A request's writes use a handful of keys (its own and derived ones). */
    static final int MAX_USES = 32;

    private final CoreSeed db;
    private final Clock clock;
    private final Duration lease;
    private final Duration maxWait;
    private final ThreadLocal<List<Use>> uses = ThreadLocal.withInitial(ArrayList::new);

    @Activate
    public JdbcIdempotencyKeys(@Reference CoreSeed db) {
        this(db, Clock.systemUTC(), LEASE, WAIT);
    }

    /** With another clock (for the lease) and wait, for tests. */
    JdbcIdempotencyKeys(CoreSeed db, Clock clock, Duration lease, Duration maxWait) {
        this.db = db;
        this.clock = clock;
        this.lease = lease;
        this.maxWait = maxWait;
    }

    @Override
    public Outcome execute(DataSource ds, Caller caller, String key, String operation, Object request,
            Transactions.Work<Ref> write) {
        if (key == null) {
            return new Outcome(Transactions.write(ds, operation, write), false);
        }
        Claim claim = begin(ds, caller, key, operation, request);
        Optional<Ref> prior = claim.replay();
        if (prior.isPresent()) {
            return new Outcome(prior.get(), true);
        }
        try {
            Ref ref = Transactions.write(ds, operation, c -> {
                Ref result = write.apply(c);
                claim.complete(c, result);
                return result;
            });
            return new Outcome(ref, false);
        } catch (RuntimeException | Error e) {
            claim.fail(e);
            throw e;
        }
    }

    /** The stored record of a key. */
    private record Row(String fingerprint, String state, String resultEntity, String resultId, String owner,
            Instant leaseUntil, String failureKind, String failureField, String failureDetail) {
    }

    @Override
    public Claim begin(DataSource ds, Caller caller, String key, String operation, Object request) {
        IdempotencyKeys.validateKey(key);
        String actor = caller.user();
        String fingerprint = Json.sha256(operation + "\n" + Json.write(request));
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (int round = 0;; round++) {
            Row row = Transactions.read(ds, c -> read(c, actor, key));
            if (row == null) {
                if (insertClaim(ds, actor, key, operation, fingerprint, token)) {
                    return owned(ds, actor, key, token);
                }
                continue; // a concurrent attempt claimed it first: read its claim
            }
            if (!fingerprint.equals(row.fingerprint())) {
                throw new ConflictException("Idempotency-Key reused with a different request");
            }
            switch (row.state()) {
                case DONE -> {
                    recordUse(new Use(actor, key, true));
                    Ref ref = new Ref(row.resultEntity(), row.resultId());
                    return new Replay(ref);
                }
                case FAILED -> {
                    recordUse(new Use(actor, key, true));
                    throw failure(row);
                }
                default -> {
                    if (!row.leaseUntil().isAfter(now())) {
                        if (takeOver(ds, actor, key, row.owner(), token)) {
                            LOG.warn("Idempotency-Key {} of {}: the claim of an attempt that did not finish within "
                                    + "its lease was taken over", key, actor);
                            return owned(ds, actor, key, token);
                        }
                        continue;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw new IdempotencyKeyInProgressException(key, IN_PROGRESS_RETRY_AFTER_SECONDS);
                    }
                    pause(round);
                }
            }
        }
    }

    private Claim owned(DataSource ds, String actor, String key, String token) {
        recordUse(new Use(actor, key, false));
        return new Owned(ds, actor, key, token);
    }

    /** Threads outside a request (schedulers, the console) never take their uses: keep only the last few. */
    private void recordUse(Use use) {
        List<Use> list = uses.get();
        if (list.size() >= MAX_USES) {
            list.remove(0);
        }
        list.add(use);
    }

    private static Row read(Connection c, String actor, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, state, result_entity, result_id, "
                + "owner_token, lease_until, failure_kind, failure_field, failure_detail "
                + "FROM tp_idempotency WHERE actor = ? AND idem_key = ?")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Sql.getInstant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9));
            }
        }
    }

    /** Inserts a committed claim; false when another attempt's claim is there first. */
    private boolean insertClaim(DataSource ds, String actor, String key, String operation, String fingerprint,
            String token) {
        try {
            return Transactions.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_idempotency (actor, idem_key, "
                        + "operation, fingerprint, created_at, state, owner_token, lease_until) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, actor);
                    ps.setString(2, key);
                    ps.setString(3, cut(operation, 128));
                    ps.setString(4, fingerprint);
                    Sql.setInstant(ps, 5, Sql.now());
                    ps.setString(6, CLAIMED);
                    ps.setString(7, token);
                    Sql.setInstant(ps, 8, now().plus(lease));
                    ps.executeUpdate();
                }
                return true;
            });
        } catch (DataAccessException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Takes over a claim whose lease ran out, unless another attempt did so first. */
    private boolean takeOver(DataSource ds, String actor, String key, String previousOwner, String token) {
        return Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tp_idempotency SET owner_token = ?, "
                    + "lease_until = ? WHERE actor = ? AND idem_key = ? AND state = ? AND owner_token = ?")) {
                ps.setString(1, token);
                Sql.setInstant(ps, 2, now().plus(lease));
                ps.setString(3, actor);
                ps.setString(4, key);
                ps.setString(5, CLAIMED);
                ps.setString(6, previousOwner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** 1, 2, 4 … up to 50 ms between looks at a claimed key. */
    private static void pause(int round) {
        try {
            TimeUnit.MILLISECONDS.sleep(Math.min(50, 1L << Math.min(round, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessException("Interrupted while waiting for a request with the same Idempotency-Key",
                    e);
        }
    }

    /** A repeat: the first result's reference. */
    private record Replay(Ref ref) implements Claim {
        @Override
        public Optional<Ref> replay() {
            return Optional.of(ref);
        }

        @Override
        public void complete(Connection c, Ref result) {
            throw new IllegalStateException("A repeat has nothing to complete");
        }

        @Override
        public void fail(Throwable failure) {
            // a repeat ran nothing and owns nothing
        }
    }

    /** A key this attempt owns. */
    private final class Owned implements Claim {
        private final DataSource ds;
        private final String actor;
        private final String key;
        private final String token;

        Owned(DataSource ds, String actor, String key, String token) {
            this.ds = ds;
            this.actor = actor;
            this.key = key;
            this.token = token;
        }

        @Override
        public Optional<Ref> replay() {
            return Optional.empty();
        }

        @Override
        public void complete(Connection c, Ref ref) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tp_idempotency SET state = ?, result_entity = ?, "
                    + "result_id = ?, lease_until = NULL WHERE actor = ? AND idem_key = ? AND state = ? "
                    + "AND owner_token = ?")) {
                ps.setString(1, DONE);
                ps.setString(2, ref.entity());
                ps.setString(3, ref.id());
                ps.setString(4, actor);
                ps.setString(5, key);
                ps.setString(6, CLAIMED);
                ps.setString(7, token);
                if (ps.executeUpdate() != 1) {
                    throw new ConflictException("Idempotency-Key " + key + " was taken over by a later attempt "
                            + "while this one ran past its lease; nothing was written");
                }
            } catch (SQLException e) {
                throw new DataAccessException("Recording the Idempotency-Key result failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void fail(Throwable failure) {
            // a client key keeps its refusal; a key a bundle derived for its own step is released instead
            String kind = key.startsWith(INTERNAL_PREFIX) ? null : clientErrorKind(failure);
            try {
                Transactions.inTransaction(ds, c -> {
                    if (kind == null) {
                        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tp_idempotency "
                                + "WHERE actor = ? AND idem_key = ? AND state = ? AND owner_token = ?")) {
                            ps.setString(1, actor);
                            ps.setString(2, key);
                            ps.setString(3, CLAIMED);
                            ps.setString(4, token);
                            return ps.executeUpdate();
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE tp_idempotency SET state = ?, "
                            + "failure_kind = ?, failure_field = ?, failure_detail = ?, lease_until = NULL "
                            + "WHERE actor = ? AND idem_key = ? AND state = ? AND owner_token = ?")) {
                        ps.setString(1, FAILED);
                        ps.setString(2, kind);
                        ps.setString(3, failure instanceof ValidationException ve ? cut(ve.field(), 128)
                                : failure instanceof ConflictException ce ? cut(ce.field(), 128) : null);
                        ps.setString(4, cut(String.valueOf(failure.getMessage()), 2000));
                        ps.setString(5, actor);
                        ps.setString(6, key);
                        ps.setString(7, CLAIMED);
                        ps.setString(8, token);
                        return ps.executeUpdate();
                    }
                });
            } catch (RuntimeException e) {
                // the lease still frees the key; the write's own failure is what the caller hears about
                failure.addSuppressed(e);
                LOG.warn("Idempotency-Key {} of {} could not be settled after a failed write; it is free again "
                        + "when its lease runs out", key, actor, e);
            }
        }
    }

    /**
     * The client errors a key keeps as its outcome; null for anything a retry might not meet again, and for a stale
     * version (412 over REST): that refusal wrote nothing and only says "read again", so it is not the key's answer
     * (kept, it would replay as a plain 409); the same request meets it again, and the key carries the request made
     * with the version read afresh.
     */
    static String clientErrorKind(Throwable t) {
        if (!(t instanceof TongpaoException) || t instanceof IdempotencyKeyInProgressException
                || t instanceof StaleVersionException) {
            return null;
        }
        if (t instanceof ValidationException) {
            return "validation";
        }
        if (t instanceof NotFoundException) {
            return "not-found";
        }
        if (t instanceof AccessDeniedException) {
            return "forbidden";
        }
        if (t instanceof ConflictException) {
            return "conflict";
        }
        return null;
    }

    /** The stored client error, thrown again for a repeat. */
    private static TongpaoException failure(Row row) {
        String detail = row.failureDetail();
        return switch (row.failureKind()) {
            case "validation" -> new ValidationException(row.failureField(), detail);
            case "not-found" -> new NotFoundException(detail);
            case "forbidden" -> new AccessDeniedException(detail);
            default -> new ConflictException(row.failureField(), detail);
        };
    }

    @Override
    public List<Use> takeUses() {
        List<Use> list = uses.get();
        if (list.isEmpty()) {
            return List.of();
        }
        List<Use> taken = List.copyOf(list);
        list.clear();
        return taken;
    }

    @Override
    public Optional<Answer> answer(Caller caller, String key, Answer candidate) {
        String actor = caller.user();
        return Transactions.inTransaction(db.dataSource(), c -> IdempotencyAnswers.answer(c, actor, key, candidate));
    }

    @Override
    public <T> Answered<T> answered(Caller caller, String key, String what, Call<T> call, Function<T, Answer> answer)
            throws Exception {
        String actor = caller.user();
        Settled<T> settled = Transactions.outermost(db.dataSource(), what, c -> {
            T result;
            try {
                result = call.call();
            } catch (TongpaoException refusal) {
                // what the call settled before it was refused (the key's kept refusal) commits
                return new Settled<>(null, null, refusal);
            }
            Answer candidate = firstRun(actor, key) ? answer.apply(result) : null;
            Answer stored = candidate == null ? null
                    : IdempotencyAnswers.answer(c, actor, key, candidate).orElse(null);
            return new Settled<>(result, stored, null);
        });
        if (settled.refusal() != null) {
            throw settled.refusal();
        }
        return new Answered<>(settled.result(), settled.answer());
    }

    /** Whether the last use of this key on this thread ran its write (rather than repeating the first result). */
    private boolean firstRun(String actor, String key) {
        List<Use> list = uses.get();
        for (int i = list.size() - 1; i >= 0; i--) {
            Use use = list.get(i);
            if (use.actor().equals(actor) && use.key().equals(key)) {
                return !use.repeat();
            }
        }
        return false;
    }

    /** How an {@link #answered} transaction ended: a result and its stored answer, or a refusal to throw. */
    private record Settled<T>(T result, Answer answer, TongpaoException refusal) {
    }

    @Override
    public int forgetAnswers(Connection c, String entity, java.util.Collection<String> ids) {
        return IdempotencyAnswers.forget(c, entity, ids);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
