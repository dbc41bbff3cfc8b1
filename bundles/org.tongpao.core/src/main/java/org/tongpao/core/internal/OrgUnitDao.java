package org.tongpao.core.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_org_unit}. */
final class OrgUnitDao {
    static final String COLUMNS = "id, code, name, name_zh, unit_level, parent_id, province_code, front_line, "
            + "active, version, created_at, updated_at";

    static final VersionedTable<OrgUnit> TABLE = new VersionedTable<>("tp_org_unit", COLUMNS, OrgUnitDao::map);

    private OrgUnitDao() {
    }

    static OrgUnit map(ResultSet rs) throws SQLException {
        return new OrgUnit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_zh"),
                OrgLevel.valueOf(rs.getString("unit_level")), Sql.getLong(rs, "parent_id"),
                rs.getString("province_code"), rs.getBoolean("front_line"), rs.getBoolean("active"),
                rs.getLong("version"), Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"));
    }

    static boolean ministryExists(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_org_unit WHERE unit_level = ?", args(OrgLevel.MINISTRY)) > 0;
    }

    static long insert(Connection c, String code, String name, String nameZh, OrgLevel level, Long parentId,
            String province, boolean frontLine) throws SQLException {
        Instant now = Sql.now();
        return Jdbc.insert(c, "INSERT INTO tp_org_unit (code, name, name_zh, unit_level, parent_id, province_code, "
                + "front_line, active, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                args(code, name, nameZh, level, parentId, province, frontLine, true, 1L, now, now));
    }

    /**
     * Takes the row lock of a unit (a no-op update works on Derby and PostgreSQL alike), so a child or
     * depot created under it and its deactivation cannot interleave.
     */
    static boolean lock(Connection c, long id) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_org_unit SET active = active WHERE id = ?", args(id)) == 1;
    }

    /** Returns false when the version moved on meanwhile. */
    static boolean update(Connection c, long id, long version, String name, String nameZh, boolean frontLine)
            throws SQLException {
        return Jdbc.update(c, "UPDATE tp_org_unit SET name = ?, name_zh = ?, front_line = ?, version = version + 1, "
                + "updated_at = ? WHERE id = ? AND version = ?",
                args(name, nameZh, frontLine, Sql.now(), id, version)) == 1;
    }

    static long activeChildren(Connection c, long id) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_org_unit WHERE parent_id = ? AND active = ?", args(id, true));
    }
}
