package org.tongpao.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explicit, short transactions: run a function with a connection (autocommit off), commit, or roll
 * back on any exception and rethrow it. Domain exceptions pass unchanged; SQL and other checked
 * exceptions arrive as {@link DataAccessException} with the original as cause.
 *
 * <p>Writes go through {@link #write}: one transaction under the one retry rule ({@link TransientRetry}).
 * Work that must follow a commit (posting events, clearing caches) registers {@link #afterCommit} hooks.
 * {@link #enclosing} makes the transactions a piece of work starts (through any service) part of one.
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /**
     * The hook lists of the transactions running on this thread, innermost first. A nested
     * {@code inTransaction} is a transaction of its own (its own connection and commit), so it gets its own
     * list: a hook belongs to the innermost transaction running when it was registered.
     */
    private static final ThreadLocal<Deque<List<Runnable>>> HOOKS = ThreadLocal.withInitial(ArrayDeque::new);

    /** The connection of the {@link #enclosing} transaction running on this thread, per DataSource. */
    private static final ThreadLocal<Map<DataSource, Connection>> ENCLOSING = new ThreadLocal<>();

    /** Whether the {@link #enclosing} transaction running on this thread is an {@link #outermost} one. */
    private static final ThreadLocal<Boolean> OUTERMOST = new ThreadLocal<>();

    /**
     * The work joined calls left for just before the {@link #enclosing} transaction running on this thread commits,
     * by key, in the order first asked for.
     */
    private static final ThreadLocal<Map<Object, BeforeCommit>> BEFORE_COMMIT = new ThreadLocal<>();

    /**
     * The {@link #write} and {@link #enclosing} transactions of this JVM begun (before their transaction starts) and
     * ended (after their commit and hooks, or their rollback): see {@link #settledWrites}.
     */
    private static final AtomicLong WRITES_BEGUN = new AtomicLong();
    private static final AtomicLong WRITES_ENDED = new AtomicLong();

    /**
     * Work on the enclosing transaction's connection after its work and before its commit (see
     * {@link #beforeEnclosingCommit}).
     *
     * @since 2.7
     */
    @FunctionalInterface
    public interface BeforeCommit {
        void run(Connection connection) throws Exception;
    }

    /** Work done with a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws Exception;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction, again whole on a transient lock failure (deadlock, lock
     * timeout; see {@link TransientRetry}, which ends in a 503 {@link TransientDataAccessException}), and
     * returns its result. {@code what} names the work in the log. The work must be safe to run again: a
     * retry runs all of it, and the hooks an attempt registered are dropped with its rollback.
     *
     * @since 2.3
     */
    public static <T> T write(DataSource dataSource, String what, Work<T> work) {
        if (joins(dataSource)) {
            // a lock failure aborts the enclosing transaction, so only the enclosing one may retry
            return inTransaction(dataSource, work); // it commits, and counts, with the enclosing one
        }
        WRITES_BEGUN.incrementAndGet();
        try {
            return TransientRetry.run(what, () -> inTransaction(dataSource, work));
        } finally {
            WRITES_ENDED.incrementAndGet();
        }
    }

    /**
     * How many {@link #write} and {@link #enclosing} transactions this JVM has run, on any DataSource, when none is
     * running; empty while one runs (from before its transaction starts until after its commit and {@link #afterCommit}
     * hooks, or its rollback). Every writer goes through them: a write of any bundle, a joined call with its enclosing
     * transaction, federation's inbox. So what a read gave, when this number was taken before the read, is what a read
     * would give again for as long as the same number comes back: a write committed since, or still committing, makes
     * it differ (or empty). Nothing is to be kept while it is empty.
     *
     * @since 2.10
     */
    public static OptionalLong settledWrites() {
        long ended = WRITES_ENDED.get();
        long begun = WRITES_BEGUN.get();
        // read in this order: equal, no write began or ran between the two reads (begun >= ended, both only grow)
        return ended == begun ? OptionalLong.of(begun) : OptionalLong.empty();
    }

    /**
     * Runs {@code work} in one transaction (under the one retry rule, like {@link #write}) that every
     * {@code write}, {@code inTransaction} and {@code read} on this thread and {@code dataSource} joins
     * instead of opening its own: whatever services the work calls commit or roll back with it. What a
     * federation inbox needs: a message's effect, written through the public services, and the inbox row
     * that makes a redelivery change nothing, in one commit.
     *
     * <p>A joined call runs under a savepoint: when it throws, its own writes and hooks are undone and the
     * exception reaches the caller, as if it had been a transaction of its own that rolled back. Its
     * {@link #afterCommit} hooks run after the enclosing commit. Enclosing calls do not nest, except inside an
     * {@link #outermost} one, which they join.
     *
     * @throws IllegalStateException when an enclosing transaction (not an {@link #outermost} one on this DataSource)
     *         already runs on this thread
     * @since 2.4
     */
    public static <T> T enclosing(DataSource dataSource, String what, Work<T> work) {
        if (ENCLOSING.get() != null) {
            if (OUTERMOST.get() != null && joins(dataSource)) {
                return inTransaction(dataSource, work);
            }
            throw new IllegalStateException("Transactions.enclosing does not nest");
        }
        return enclose(dataSource, what, work);
    }

    /**
     * An {@link #enclosing} transaction that the enclosing transactions started inside it on {@code dataSource} join
     * (under a savepoint, their before-commit work moved to its own end) instead of refusing to nest: for a caller
     * that wraps work it does not know, such as the REST layer running a keyed request and storing its answer in the
     * same commit. Does not nest itself.
     *
     * @throws IllegalStateException when an enclosing transaction already runs on this thread
     * @since 2.10
     */
    public static <T> T outermost(DataSource dataSource, String what, Work<T> work) {
        if (ENCLOSING.get() != null) {
            throw new IllegalStateException("Transactions.outermost runs inside no enclosing transaction");
        }
        OUTERMOST.set(Boolean.TRUE);
        try {
            return enclose(dataSource, what, work);
        } finally {
            OUTERMOST.remove();
        }
    }

    /** An enclosing transaction, counted for {@link #settledWrites} from before it starts until it has ended. */
    private static <T> T enclose(DataSource dataSource, String what, Work<T> work) {
        WRITES_BEGUN.incrementAndGet();
        try {
            return TransientRetry.run(what, () -> inTransaction(dataSource, c -> enclosed(dataSource, c, work)));
        } finally {
            WRITES_ENDED.incrementAndGet();
        }
    }

    /** The enclosing transaction's work on its connection, with the joined calls' last steps before the commit. */
    private static <T> T enclosed(DataSource dataSource, Connection c, Work<T> work) throws Exception {
        ENCLOSING.set(Map.of(dataSource, c));
        Map<Object, BeforeCommit> beforeCommit = new LinkedHashMap<>();
        BEFORE_COMMIT.set(beforeCommit);
        try {
            T result = work.apply(c);
            for (BeforeCommit b : List.copyOf(beforeCommit.values())) {
                b.run(c);
            }
            return result;
        } finally {
            ENCLOSING.remove();
            BEFORE_COMMIT.remove();
        }
    }

    /**
     * Inside an {@link #enclosing} transaction on {@code dataSource} (a joined call): the one hook of this enclosing
     * transaction under {@code key}, made by {@code create} when first asked for, which runs on the enclosing
     * connection once the enclosing work is done, just before the commit; a failure there rolls the whole
     * transaction back. Empty outside an enclosing transaction: the caller does that work at the end of its own.
     *
     * <p>For work that locks rows every writer waits for (a summary row): done last, the lock is held only until the
     * commit rather than for the rest of the enclosing work, and several joined calls add up into one pass. Add a
     * joined call's share to the hook only once the call succeeded (its savepoint rolls back nothing of the hook's);
     * a hook must not ask for another.
     *
     * @since 2.7
     */
    @SuppressWarnings("unchecked")
    public static <H extends BeforeCommit> Optional<H> beforeEnclosingCommit(DataSource dataSource, Object key,
            Supplier<H> create) {
        if (!joins(dataSource)) {
            return Optional.empty();
        }
        return Optional.of((H) BEFORE_COMMIT.get().computeIfAbsent(key, k -> create.get()));
    }

    /**
     * As {@link #enclosing}, but when an enclosing transaction already runs on this thread and {@code dataSource}, the
     * work joins it (under a savepoint) instead of failing: for a piece of work that is one transaction on its own and
     * a part of its caller's when called from inside one (a batch's dispatch, alone or as one shipment's hand-over).
     *
     * @since 2.6
     */
    public static <T> T enclosingOrJoined(DataSource dataSource, String what, Work<T> work) {
        return joins(dataSource) ? inTransaction(dataSource, work) : enclosing(dataSource, what, work);
    }

    private static boolean joins(DataSource dataSource) {
        Map<DataSource, Connection> enclosing = ENCLOSING.get();
        return enclosing != null && enclosing.containsKey(dataSource);
    }

    /** Runs {@code work} on the enclosing transaction's connection under a savepoint (see {@link #enclosing}). */
    private static <T> T joined(DataSource dataSource, Work<T> work) {
        Connection c = ENCLOSING.get().get(dataSource);
        Deque<List<Runnable>> stack = HOOKS.get();
        List<Runnable> hooks = new ArrayList<>(2);
        stack.push(hooks);
        try {
            Savepoint savepoint = c.setSavepoint();
            T result;
            try {
                result = work.apply(c);
            } catch (Exception | Error e) {
                try {
                    c.rollback(savepoint);
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw rethrow(e);
            }
            c.releaseSavepoint(savepoint);
            stack.pop();
            // the enclosing transaction's hooks are under this list: they run after its commit
            stack.peek().addAll(hooks);
            return result;
        } catch (SQLException e) {
            throw new DataAccessException("Joined transaction failed: " + e.getMessage(), e);
        } finally {
            if (stack.peek() == hooks) {
                stack.pop();
            }
        }
    }

    /**
     * Runs {@code hook} after the transaction running on this thread commits, after the hooks registered
     * before it; a rollback drops it. With nested {@code inTransaction} calls the hook belongs to the
     * innermost one, which commits on its own. A hook that throws is logged and does not stop the others:
     * the change is committed either way.
     *
     * @throws IllegalStateException when no {@code inTransaction}/{@code write} runs on this thread
     * @since 2.3
     */
    public static void afterCommit(Runnable hook) {
        List<Runnable> hooks = HOOKS.get().peek();
        if (hooks == null) {
            throw new IllegalStateException("afterCommit needs a running Transactions.inTransaction or write");
        }
        hooks.add(hook);
    }

    /** Runs {@code work} in one transaction and returns its result; then the {@link #afterCommit} hooks. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        if (joins(dataSource)) {
            return joined(dataSource, work);
        }
        Deque<List<Runnable>> stack = HOOKS.get();
        List<Runnable> hooks = new ArrayList<>(2);
        stack.push(hooks);
        T result;
        try {
            result = commit(dataSource, work);
        } finally {
            stack.pop();
            if (stack.isEmpty()) {
                HOOKS.remove();
            }
        }
        for (Runnable hook : hooks) {
            runHook(hook);
        }
        return result;
    }

    private static void runHook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            LOG.error("An after-commit hook failed; the transaction stays committed", e);
        }
    }

    private static <T> T commit(DataSource dataSource, Work<T> work) {
        return commit(dataSource, -1, work);
    }

    /** {@code isolation}: the connection's level for this transaction ({@code -1}: as it is). */
    private static <T> T commit(DataSource dataSource, int isolation, Work<T> work) {
        Connection c = open(dataSource);
        try {
            boolean autoCommit = c.getAutoCommit();
            // asked only when changed: on PostgreSQL reading the level is a round trip
            int wasIsolation = isolation >= 0 ? c.getTransactionIsolation() : -1;
            if (isolation >= 0) {
                c.setTransactionIsolation(isolation); // before the transaction begins: portable
            }
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (Exception | Error e) {
                rollback(c, e);
                throw rethrow(e);
            } finally {
                // pooled connections go back as they came
                c.setAutoCommit(autoCommit);
                if (isolation >= 0) {
                    c.setTransactionIsolation(wasIsolation);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Transaction failed: " + e.getMessage(), e);
        } finally {
            close(c);
        }
    }

    /**
     * Runs read-only {@code work} on a connection in autocommit mode; inside an {@link #enclosing}
     * transaction on its connection, so that it sees (and does not wait on) the enclosing writes.
     */
    public static <T> T read(DataSource dataSource, Work<T> work) {
        if (joins(dataSource)) {
            try {
                return work.apply(ENCLOSING.get().get(dataSource));
            } catch (Exception e) {
                throw rethrow(e);
            }
        }
        Connection c = open(dataSource);
        try {
            return work.apply(c);
        } catch (Exception e) {
            throw rethrow(e);
        } finally {
            close(c);
        }
    }

    /**
     * Runs read-only {@code work} in one transaction at repeatable read, so that what its statements read apart
     * belongs together (figures and their age, a total and its parts): on Derby each row read stays locked until the
     * end, so a write that would change one waits for the read (read in the order writers lock and the read never
     * waits the other way); PostgreSQL reads one snapshot. Again whole on a transient lock failure, like
     * {@link #write}. Inside an {@link #enclosing} transaction it reads on that one's connection, like {@link #read}.
     *
     * @since 2.9
     */
    public static <T> T readTogether(DataSource dataSource, Work<T> work) {
        if (joins(dataSource)) {
            return read(dataSource, work);
        }
        return TransientRetry.run("read together",
                () -> commit(dataSource, Connection.TRANSACTION_REPEATABLE_READ, work));
    }

    private static Connection open(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("No database connection: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            throw new DataAccessException("Closing the connection failed: " + e.getMessage(), e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new DataAccessException(t.getMessage(), t);
    }
}
