package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Tiny JDBC helpers: bind a list of parameters, map rows. */
final class Rows {

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == null) {
                // Derby refuses a null of an incompatible SQL type, so ask the statement for it
                ps.setNull(i + 1, ps.getParameterMetaData().getParameterType(i + 1));
            } else if (p instanceof LocalDate d) {
                ps.setDate(i + 1, java.sql.Date.valueOf(d));
            } else if (p instanceof java.time.Instant t) {
                org.tongpao.core.persistence.Sql.setInstant(ps, i + 1, t);
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, List<?> params, Mapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    static <T> T one(Connection c, String sql, List<?> params, Mapper<T> mapper) throws SQLException {
        List<T> rows = list(c, sql, params, mapper);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static long number(Connection c, String sql, List<?> params) throws SQLException {
        Long v = one(c, sql, params, rs -> rs.getLong(1));
        return v == null ? 0 : v;
    }

    static int update(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static long insert(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            return org.tongpao.core.persistence.Sql.generatedId(ps);
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
