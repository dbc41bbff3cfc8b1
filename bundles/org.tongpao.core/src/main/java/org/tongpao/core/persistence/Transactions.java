package org.tongpao.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /**
     * The hook lists of the transactions running on this thread, innermost first. A nested
     * {@code inTransaction} is a transaction of its own (its own connection and commit), so it gets its own
     * list: a hook belongs to the innermost transaction running when it was registered.
     */
    private static final ThreadLocal<Deque<List<Runnable>>> HOOKS = ThreadLocal.withInitial(ArrayDeque::new);

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
        return TransientRetry.run(what, () -> inTransaction(dataSource, work));
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
        Connection c = open(dataSource);
        try {
            boolean autoCommit = c.getAutoCommit();
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
            }
        } catch (SQLException e) {
            throw new DataAccessException("Transaction failed: " + e.getMessage(), e);
        } finally {
            close(c);
        }
    }

    /** Runs read-only {@code work} on a connection in autocommit mode. */
    public static <T> T read(DataSource dataSource, Work<T> work) {
        Connection c = open(dataSource);
        try {
            return work.apply(c);
        } catch (Exception e) {
            throw rethrow(e);
        } finally {
            close(c);
        }
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
