package org.tongpao.core.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.TimeZone;

/** Small JDBC helpers that behave the same on Derby and PostgreSQL. */
public final class Sql {
    /** SQLState of a unique-constraint violation on Derby and PostgreSQL. */
    public static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLStates of a lock the database gave up on, after which the whole transaction may simply run again:
     * deadlock (40001 on Derby and PostgreSQL's serialization failure, 40P01 PostgreSQL), Derby's lock
     * timeout (40XL1) and deadlock detected while waiting (40XL2), PostgreSQL's lock_timeout (55P03). The
     * one list every retry and the REST mapping (503) use.
     */
    public static final java.util.Set<String> TRANSIENT_LOCK_STATES = java.util.Set.of("40001", "40P01", "40XL1",
            "40XL2", "55P03");

    // Timestamps are stored as UTC wall-clock time so the value does not depend on the JVM zone.
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private static volatile String sharedLockClause;

    private Sql() {
    }

    /**
     * The clause that makes a {@code SELECT} keep a shared lock on the rows it reads until the transaction ends:
     * Derby's {@code WITH RS}, PostgreSQL's {@code FOR SHARE} (appended after the whole query, with a leading space).
     * A writer of those rows then waits for the reading transaction, so what the read decided still holds at its
     * commit. Read through {@code Transactions.read} inside an enclosing transaction, the lock is that transaction's.
     *
     * @since 2.7
     */
    public static String sharedLock(java.sql.Connection c) throws SQLException {
        String clause = sharedLockClause;
        if (clause == null) {
            clause = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("derby")
                    ? " WITH RS" : " FOR SHARE";
            sharedLockClause = clause;
        }
        return clause;
    }

    /** SQLState of the first {@link SQLException} in the cause chain, or null. */
    public static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e && e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    /** Whether {@code t} (or a cause) is a transient lock failure, see {@link #TRANSIENT_LOCK_STATES}. */
    public static boolean isTransientLock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                for (SQLException next = e; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && TRANSIENT_LOCK_STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static boolean isUniqueViolation(Throwable t) {
        return UNIQUE_VIOLATION.equals(sqlState(t));
    }

    /** Now, truncated to milliseconds so a value reads back equal on every database. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value), Calendar.getInstance(UTC));
        }
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, Calendar.getInstance(UTC));
        return ts == null ? null : ts.toInstant();
    }

    /** As {@link #getInstant(ResultSet, String)}, by position (for reads of many rows). */
    public static Instant getInstant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column, Calendar.getInstance(UTC));
        return ts == null ? null : ts.toInstant();
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    public static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    public static Integer getInteger(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * A {@code LIKE} pattern matching {@code text} anywhere, lower-cased, with the wildcards escaped;
     * use with {@code LOWER(col) LIKE ? ESCAPE '\'}.
     */
    public static String containsPattern(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The id generated by the last insert (prepared with {@code RETURN_GENERATED_KEYS}, id first). */
    public static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("The insert returned no generated key");
            }
            return keys.getLong(1);
        }
    }
}
