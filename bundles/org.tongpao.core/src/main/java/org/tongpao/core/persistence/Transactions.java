package org.tongpao.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Explicit, short transactions: run a function with a connection (autocommit off), commit, or roll
 * back on any exception and rethrow it. Domain exceptions pass unchanged; SQL and other checked
 * exceptions arrive as {@link DataAccessException} with the original as cause.
 */
public final class Transactions {

    /** Work done with a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws Exception;
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction and returns its result. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
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
