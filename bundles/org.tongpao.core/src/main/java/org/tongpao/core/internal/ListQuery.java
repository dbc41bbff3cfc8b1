package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.tongpao.core.Checks;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/** One keyset-paged list of a versioned core table: its conditions and arguments, built one by one. */
final class ListQuery {
    private final int limit;
    private final StringBuilder where = new StringBuilder("id > ?");
    private final List<Object> args;

    /** {@code limit} and {@code cursor} as the client sent them (checked: 400 when bad). */
    ListQuery(int limit, String cursor) {
        this.limit = Paging.limit(limit);
        this.args = Jdbc.args(Paging.after(cursor));
    }

    /** {@code column = value}; a null value matches nothing. */
    ListQuery equal(String column, Object value) {
        where.append(" AND ").append(column).append(" = ?");
        args.add(value);
        return this;
    }

    /** {@code column = value} when a value is given. */
    ListQuery optional(String column, Object value) {
        return value == null ? this : equal(column, value);
    }

    /** The free-text search {@code q} ({@link Checks#query}) anywhere in one of {@code columns}, any case. */
    ListQuery contains(String q, String... columns) {
        String text = Checks.query(q);
        if (text == null) {
            return this;
        }
        String pattern = Sql.containsPattern(text);
        where.append(" AND (");
        for (int i = 0; i < columns.length; i++) {
            where.append(i == 0 ? "" : " OR ").append("LOWER(").append(columns[i]).append(") LIKE ? ESCAPE '\\'");
            args.add(pattern);
        }
        where.append(')');
        return this;
    }

    /** The page's rows (one more than the limit, to know whether another page follows). */
    <T> List<T> rows(Connection c, VersionedTable<T> table) throws SQLException {
        return table.list(c, where + Paging.orderAndFetch("id", limit), args);
    }

    <T> Page<T> page(List<T> rows, ToLongFunction<T> id) {
        return Paging.page(rows, limit, id);
    }

    <T> Page<T> page(DataSource ds, VersionedTable<T> table, ToLongFunction<T> id) {
        return page(Transactions.read(ds, c -> rows(c, table)), id);
    }
}
