package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.testing.TestDatabase;

/** V4 merges key areas declared twice before one declaration per province or unit was enforced. */
class KeyAreaMigrationTest {

    @Test
    void duplicateDeclarationsAreMergedAndASecondOneIsRefusedByTheSchema() throws SQLException {
        try (TestDatabase db = new TestDatabase(); Connection c = db.dataSource().getConnection()) {
            Flyway.configure(AllocationSchema.class.getClassLoader()).dataSource(db.dataSource())
                    .locations("classpath:" + AllocationSchema.MIGRATIONS).table(AllocationSchema.HISTORY_TABLE)
                    .baselineOnMigrate(true).baselineVersion("0").target("3").load().migrate();
            try (Statement st = c.createStatement()) {
                String insert = "INSERT INTO tp_alloc_key_area (province_code, org_unit_id, unit_code, label, created_by, "
                        + "created_at) VALUES ";
                st.executeUpdate(insert + "(NULL, 17, 'P42-WUHAN', 'Wuhan', 'admin', CURRENT_TIMESTAMP)");
                st.executeUpdate(insert + "('42', NULL, NULL, 'Hubei', 'admin', CURRENT_TIMESTAMP)");
                st.executeUpdate(insert + "(NULL, 17, 'P42-WUHAN', 'Wuhan again', 'admin2', CURRENT_TIMESTAMP)");
                st.executeUpdate(insert + "('42', NULL, NULL, 'Hubei again', 'admin2', CURRENT_TIMESTAMP)");
                st.executeUpdate(insert + "(NULL, 170, 'P42-OTHER', 'Other', 'admin', CURRENT_TIMESTAMP)");
            }
            Migrations.migrate(db.dataSource(), AllocationSchema.class, AllocationSchema.MIGRATIONS,
                    AllocationSchema.HISTORY_TABLE);
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT area_key, label FROM tp_alloc_key_area ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(rows).containsExactly("U:17 Wuhan", "P:42 Hubei", "U:170 Other");
            assertThatThrownBy(() -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO tp_alloc_key_area (province_code, label, created_by, created_at, "
                            + "area_key) VALUES ('42', 'Hubei', 'admin', CURRENT_TIMESTAMP, 'P:42')");
                }
            }).satisfies(e -> assertThat(Sql.isUniqueViolation(e)).isTrue());
        }
    }
}
