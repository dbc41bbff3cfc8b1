package org.tongpao.core.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.Depot;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_depot}. */
final class DepotDao {
    static final String COLUMNS = "id, code, name, org_unit_id, province_code, address, active, version, "
            + "created_at, updated_at";

    static final VersionedTable<Depot> TABLE = new VersionedTable<>("tp_depot", COLUMNS, DepotDao::map);

    private DepotDao() {
    }

    static Depot map(ResultSet rs) throws SQLException {
        return new Depot(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("org_unit_id"),
                rs.getString("province_code"), rs.getString("address"), rs.getBoolean("active"),
                rs.getLong("version"), Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"));
    }

    static long insert(Connection c, String code, String name, long orgUnitId, String province, String address)
            throws SQLException {
        Instant now = Sql.now();
        return Jdbc.insert(c, "INSERT INTO tp_depot (code, name, org_unit_id, province_code, address, active, "
                + "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                args(code, name, orgUnitId, province, address, true, 1L, now, now));
    }

    static boolean update(Connection c, long id, long version, String name, String address) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_depot SET name = ?, address = ?, version = version + 1, updated_at = ? "
                + "WHERE id = ? AND version = ?", args(name, address, Sql.now(), id, version)) == 1;
    }

    static long activeDepotsOf(Connection c, long orgUnitId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_depot WHERE org_unit_id = ? AND active = ?",
                args(orgUnitId, true));
    }
}
