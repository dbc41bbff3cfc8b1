package org.tongpao.core.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/**
 * What the versioned core tables ({@code tp_org_unit}, {@code tp_item}, {@code tp_depot}) share: reads by id,
 * code or a condition, and the versioned deactivation (columns {@code id}, {@code code}, {@code active},
 * {@code version}, {@code updated_at}).
 */
final class VersionedTable<T> {
    private final String select;
    private final String byId;
    private final String byCode;
    private final String deactivate;
    private final Jdbc.RowMapper<T> mapper;

    VersionedTable(String table, String columns, Jdbc.RowMapper<T> mapper) {
        this.select = "SELECT " + columns + " FROM " + table + " WHERE ";
        this.byId = select + "id = ?";
        this.byCode = select + "code = ?";
        this.deactivate = "UPDATE " + table + " SET active = ?, version = version + 1, updated_at = ? "
                + "WHERE id = ? AND version = ?";
        this.mapper = mapper;
    }

    Optional<T> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, byId, args(id), mapper);
    }

    Optional<T> findByCode(Connection c, String code) throws SQLException {
        return Jdbc.one(c, byCode, args(code), mapper);
    }

    /** The rows matching {@code where} (with its arguments). */
    List<T> list(Connection c, String where, List<Object> args) throws SQLException {
        return Jdbc.query(c, select + where, args, mapper);
    }

    /** Returns false when the version moved on meanwhile. */
    boolean deactivate(Connection c, long id, long version) throws SQLException {
        return Jdbc.update(c, deactivate, args(false, Sql.now(), id, version)) == 1;
    }
}
