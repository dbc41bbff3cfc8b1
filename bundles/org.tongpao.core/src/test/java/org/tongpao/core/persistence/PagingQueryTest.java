package org.tongpao.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Page;
import org.tongpao.core.testing.TestDatabase;

/** A filtered keyset page: only the filters given apply, scope conditions keep their arguments, pages follow on. */
class PagingQueryTest {
    enum Status { OPEN, DONE }

    private TestDatabase db;
    private Connection c;

    @BeforeEach
    void rows() throws SQLException {
        db = new TestDatabase();
        c = db.dataSource().getConnection();
        Jdbc.update(c, "CREATE TABLE pq_row (id INT PRIMARY KEY, status VARCHAR(8), province VARCHAR(2))", List.of());
        for (int i = 1; i <= 6; i++) {
            Jdbc.update(c, "INSERT INTO pq_row VALUES (?, ?, ?)", Jdbc.args(i, i % 2 == 0 ? "DONE" : "OPEN",
                    i <= 3 ? "42" : "32"));
        }
    }

    @AfterEach
    void drop() throws SQLException {
        c.close();
        db.close();
    }

    private List<Integer> ids(Paging.Query q) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM pq_row" + q.sql(), q.args(), rs -> rs.getInt(1));
    }

    @Test
    void filtersGivenApplyAndNullsMatchEverything() throws SQLException {
        assertThat(ids(new Paging.Query("id", 0, 50).equal("status", null).equal("province", null)))
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ids(new Paging.Query("id", 0, 50).equal("status", Status.OPEN).equal("province", "42")))
                .containsExactly(1, 3);
        assertThat(ids(new Paging.Query("id", 2, 50).and("1 = 0 OR province = ?", List.of("32"))
                .equal("status", Status.DONE))).containsExactly(4, 6);
    }

    @Test
    void theTailFetchesOneMoreRowSoThePageKnowsItsNext() throws SQLException {
        Paging.Query first = new Paging.Query("id", 0, 2).equal("status", "OPEN");
        List<Integer> fetched = ids(first);
        assertThat(fetched).containsExactly(1, 3, 5);
        Page<Integer> page = Paging.page(fetched, 2, Integer::longValue);
        assertThat(page.items()).containsExactly(1, 3);
        assertThat(ids(new Paging.Query("id", Paging.after(page.nextCursor()), 2).equal("status", "OPEN")))
                .containsExactly(5);
    }
}
