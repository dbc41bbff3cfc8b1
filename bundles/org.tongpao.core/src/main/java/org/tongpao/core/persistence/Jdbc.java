package org.tongpao.core.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one JDBC helper of every Tongpao bundle: statements with a list of arguments bound by their Java
 * type ({@link #bind}), rows mapped by a {@link RowMapper}. It opens no transactions: pass the connection
 * of {@link Transactions#write} or {@link Transactions#read}. SQL must run on Derby and PostgreSQL alike.
 *
 * @since 2.3
 */
public final class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /** Statement arguments; unlike {@code List.of} this keeps nulls. */
    public static List<Object> args(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** Every row {@code sql} selects, mapped. */
    public static <T> List<T> query(Connection c, String sql, List<?> args, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    /** The first row {@code sql} selects, mapped, or empty. */
    public static <T> Optional<T> one(Connection c, String sql, List<?> args, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** The first column of the first row as a number ({@code COUNT}, {@code SUM}), 0 when none or null. */
    public static long count(Connection c, String sql, List<?> args) throws SQLException {
        return one(c, sql, args, rs -> rs.getLong(1)).orElse(0L);
    }

    /** Runs an {@code INSERT}/{@code UPDATE}/{@code DELETE}; returns the rows it changed. */
    public static int update(Connection c, String sql, List<?> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row into a table whose first column is the generated id; returns the id. */
    public static long insert(Connection c, String sql, List<?> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    /** Runs {@code sql} once per argument list in one JDBC batch; returns the update counts. */
    public static int[] batch(Connection c, String sql, List<? extends List<?>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<?> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /**
     * Binds {@code args} to the statement's parameters in order: null typed from the statement's metadata
     * (Derby refuses an untyped one), {@link Instant} as UTC ({@link Sql#setInstant}), {@link LocalDate}
     * as a DATE, an enum by its name, Boolean, Long, Integer, String and BigDecimal by their setters,
     * anything else through {@code setObject}.
     */
    public static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            int index = i + 1;
            Object v = args.get(i);
            if (v == null) {
                ps.setNull(index, ps.getParameterMetaData().getParameterType(index));
            } else if (v instanceof Instant t) {
                Sql.setInstant(ps, index, t);
            } else if (v instanceof LocalDate d) {
                ps.setDate(index, java.sql.Date.valueOf(d));
            } else if (v instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else if (v instanceof Boolean b) {
                ps.setBoolean(index, b);
            } else if (v instanceof Long l) {
                ps.setLong(index, l);
            } else if (v instanceof Integer n) {
                ps.setInt(index, n);
            } else if (v instanceof String s) {
                ps.setString(index, s);
            } else if (v instanceof BigDecimal d) {
                ps.setBigDecimal(index, d);
            } else {
                ps.setObject(index, v);
            }
        }
    }

    /** A DATE column as a {@link LocalDate}, or null. */
    public static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
