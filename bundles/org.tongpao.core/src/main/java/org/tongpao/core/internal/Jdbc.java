package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Sql;

/** Minimal JDBC plumbing for the core tables; values are bound by their Java type. */
final class Jdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /** Statement arguments; unlike {@code List.of} this keeps nulls. */
    static List<Object> args(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    static <T> List<T> query(Connection c, String sql, List<?> args, RowMapper<T> mapper) throws SQLException {
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

    static <T> Optional<T> one(Connection c, String sql, List<?> args, RowMapper<T> mapper) throws SQLException {
        List<T> rows = query(c, sql, args, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long count(Connection c, String sql, List<?> args) throws SQLException {
        return one(c, sql, args, rs -> rs.getLong(1)).orElse(0L);
    }

    static int update(Connection c, String sql, List<?> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row into a table whose first column is the generated id; returns the id. */
    static long insert(Connection c, String sql, List<?> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    private static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            int index = i + 1;
            Object v = args.get(i);
            if (v == null) {
                // typed null: Derby refuses an untyped one
                ps.setNull(index, ps.getParameterMetaData().getParameterType(index));
            } else if (v instanceof Instant t) {
                Sql.setInstant(ps, index, t);
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
            } else {
                throw new IllegalArgumentException("Unsupported parameter type " + v.getClass().getName());
            }
        }
    }
}
