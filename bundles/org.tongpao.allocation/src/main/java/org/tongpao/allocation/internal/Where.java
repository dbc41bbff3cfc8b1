package org.tongpao.allocation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tongpao.core.persistence.Paging;

/** A WHERE clause and its arguments, built from the conditions a list's filters and the caller's scope add. */
final class Where {
    private final StringBuilder sql;
    private final List<Object> args = new ArrayList<>();

    Where(String condition, Object... values) {
        this.sql = new StringBuilder(condition);
        args.addAll(List.of(values));
    }

    /** The rows after the page cursor (ids ascending). */
    static Where after(String cursor) {
        return new Where("id > ?", Paging.after(cursor));
    }

    /** Adds {@code AND condition} with its values. */
    Where and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        args.addAll(List.of(values));
        return this;
    }

    /** {@code column IN (?, ...)} for the values (never empty). */
    static String in(String column, List<?> values) {
        return column + " IN (" + String.join(",", Collections.nCopies(values.size(), "?")) + ")";
    }

    String sql() {
        return sql.toString();
    }

    List<Object> args() {
        return args;
    }
}
