package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.testing.TestDatabase;

/**
 * Pins version 1 of the read views other bundles query instead of core's tables (see {@link CoreReadViews}):
 * their names, their columns in order and each column's JDBC type. Failing here means the contract changed:
 * add columns only (1.x), or publish {@code tp_core_v2_*} views beside these and raise the capability.
 */
class CoreReadViewsTest {
    private static final Map<String, List<String>> V1 = new LinkedHashMap<>();

    static {
        V1.put("tp_core_v1_org_unit", List.of("ID BIGINT", "CODE VARCHAR", "NAME VARCHAR", "UNIT_LEVEL VARCHAR",
                "PARENT_ID BIGINT", "PROVINCE_CODE VARCHAR", "ACTIVE BOOLEAN"));
        V1.put("tp_core_v1_category", List.of("CODE VARCHAR", "NAME_ZH VARCHAR", "NAME_EN VARCHAR",
                "SORT_ORDER INTEGER"));
        V1.put("tp_core_v1_item", List.of("ID BIGINT", "CODE VARCHAR", "CATEGORY_CODE VARCHAR", "NAME VARCHAR",
                "UNIT VARCHAR", "SHELF_LIFE_MONTHS INTEGER", "ACTIVE BOOLEAN"));
        V1.put("tp_core_v1_depot", List.of("ID BIGINT", "CODE VARCHAR", "NAME VARCHAR", "ORG_UNIT_ID BIGINT",
                "PROVINCE_CODE VARCHAR", "ACTIVE BOOLEAN"));
    }

    private final TestDatabase database = new TestDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void version1ViewsKeepTheirColumns() throws Exception {
        DataSource ds = database.dataSource();
        Migrations.migrate(ds, Migrations.class, "org/tongpao/core/db/migration", "tp_core_schema_history");
        for (Map.Entry<String, List<String>> view : V1.entrySet()) {
            assertThat(columns(ds, view.getKey())).as(view.getKey()).isEqualTo(view.getValue());
        }
    }

    @Test
    void aViewShowsItsTablesRows() throws Exception {
        DataSource ds = database.dataSource();
        Migrations.migrate(ds, Migrations.class, "org/tongpao/core/db/migration", "tp_core_schema_history");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tp_category (code, name_zh, name_en, sort_order) VALUES ('TEST', '测试', 'Test', 9)");
            try (ResultSet rs = s.executeQuery("SELECT code, name_en, sort_order FROM tp_core_v1_category")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).isEqualTo("TEST Test 9");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    /** "NAME TYPE" per column, names upper-cased and types without size (Derby and PostgreSQL name them alike). */
    private static List<String> columns(DataSource ds, String view) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + view + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnName(i).toUpperCase() + " " + jdbcType(md.getColumnType(i)));
            }
            return out;
        }
    }

    private static String jdbcType(int type) {
        return switch (type) {
            case java.sql.Types.BIGINT -> "BIGINT";
            case java.sql.Types.INTEGER -> "INTEGER";
            case java.sql.Types.VARCHAR -> "VARCHAR";
            case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> "BOOLEAN";
            default -> "type " + type;
        };
    }
}
