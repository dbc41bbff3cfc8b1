package org.tongpao.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.testing.TestDatabase;

/** {@link Jdbc}: every bound type reads back, nulls included, on Derby (or PostgreSQL). */
class JdbcTest {

    record Row(long id, String name, LocalDate day, BigDecimal amount, Instant at, String level, Boolean flag,
            Integer n) {
    }

    @Test
    void bindsAndMapsEveryType() throws SQLException {
        try (TestDatabase db = new TestDatabase(); Connection c = db.dataSource().getConnection()) {
            Jdbc.update(c, "CREATE TABLE j_row (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " name VARCHAR(20), day DATE, amount DECIMAL(12,3), happened TIMESTAMP, lvl VARCHAR(20),"
                    + " flag BOOLEAN, n INT)", List.of());
            String insert = "INSERT INTO j_row (name, day, amount, happened, lvl, flag, n) VALUES (?, ?, ?, ?, ?, ?, ?)";
            Instant at = Instant.parse("2026-12-06T21:30:00.123Z");
            long id = Jdbc.insert(c, insert, Jdbc.args("a", LocalDate.of(2026, 12, 6), new BigDecimal("1.250"), at,
                    OrgLevel.PROVINCE, true, 7));
            Jdbc.insert(c, insert, Jdbc.args("b", null, null, null, null, null, null));
            int[] counts = Jdbc.batch(c, insert, List.of(Jdbc.args("c", null, BigDecimal.ONE, null, null, false, 1),
                    Jdbc.args("d", null, BigDecimal.TEN, null, null, false, 2)));
            assertThat(counts).hasSize(2);
            assertThat(Jdbc.batch(c, insert, List.of())).isEmpty();

            List<Row> rows = Jdbc.query(c, "SELECT * FROM j_row ORDER BY id", List.of(),
                    rs -> new Row(rs.getLong("id"), rs.getString("name"), Jdbc.localDate(rs, "day"),
                            rs.getBigDecimal("amount"), Sql.getInstant(rs, "happened"), rs.getString("lvl"),
                            (Boolean) rs.getObject("flag"), Sql.getInteger(rs, "n")));
            assertThat(rows).extracting(Row::name).containsExactly("a", "b", "c", "d");
            assertThat(rows.get(0)).isEqualTo(new Row(id, "a", LocalDate.of(2026, 12, 6), new BigDecimal("1.250"),
                    at, "PROVINCE", true, 7));
            assertThat(rows.get(1)).isEqualTo(new Row(rows.get(1).id(), "b", null, null, null, null, null, null));

            assertThat(Jdbc.count(c, "SELECT COUNT(*) FROM j_row WHERE flag = ?", Jdbc.args(false))).isEqualTo(2);
            assertThat(Jdbc.count(c, "SELECT SUM(n) FROM j_row WHERE name = ?", Jdbc.args("none"))).isZero();
            assertThat(Jdbc.one(c, "SELECT name FROM j_row WHERE id = ?", Jdbc.args(id), rs -> rs.getString(1)))
                    .contains("a");
            assertThat(Jdbc.one(c, "SELECT name FROM j_row WHERE id = ?", Jdbc.args(-1L), rs -> rs.getString(1)))
                    .isEmpty();
            assertThat(Jdbc.update(c, "DELETE FROM j_row WHERE amount > ?", Jdbc.args(new BigDecimal("1.5"))))
                    .isEqualTo(1);
        }
    }
}
