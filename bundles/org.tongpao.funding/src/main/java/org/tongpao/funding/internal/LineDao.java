package org.tongpao.funding.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.NewBudgetLine;

/** SQL of {@code tp_fund_line}. Every change of amounts is one conditional UPDATE of the line's row. */
final class LineDao {
    private static final String COLUMNS = "id, code, name, source, holder, category, currency, budget, committed, spent, "
            + "version, created_at, created_by, source_node, source_id, source_as_of";

    private LineDao() {
    }

    static long insert(Connection c, NewBudgetLine l, BigDecimal budget, String user, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_fund_line (code, name, source, holder, category, currency, budget, committed, "
                + "spent, version, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 1, ?, ?, ?)",
                Jdbc.args(l.code(), l.name(), l.source(), l.holder(), l.category(), l.currency(), budget, now, user, now));
    }

    static Optional<BudgetLine> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM tp_fund_line WHERE id = ?", Jdbc.args(id), LineDao::map);
    }

    static Optional<BudgetLine> findByCode(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM tp_fund_line WHERE code = ?", Jdbc.args(code), LineDao::map);
    }

    /**
     * Adds to committed and spent, and to the budget, in one UPDATE that only matches while the line stays
     * covered ({@code budget − committed − spent ≥ 0} afterwards). It takes the row's lock: a second writer
     * waits for this transaction and then evaluates the condition against what it committed. False when the
     * line would not stay covered (nothing changed).
     */
    static boolean apply(Connection c, long id, BigDecimal budget, BigDecimal committed, BigDecimal spent, Instant now)
            throws SQLException {
        return Jdbc.update(c, "UPDATE tp_fund_line SET budget = budget + ?, committed = committed + ?, spent = spent + ?, "
                + "version = version + 1, updated_at = ? WHERE id = ? AND budget + ? - committed - ? - spent - ? >= 0",
                Jdbc.args(budget, committed, spent, now, id, budget, committed, spent)) == 1;
    }

    /** Takes the line's row lock (for the rest of the transaction) without changing its amounts. */
    static boolean lock(Connection c, long id) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_fund_line SET version = version + 1 WHERE id = ?", Jdbc.args(id)) == 1;
    }

    static List<BudgetLine> page(Connection c, LineFilter f, String onlyHolder, int limit, String cursor)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        String where = where(f, onlyHolder, args);
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM tp_fund_line WHERE id > ?" + where
                + Paging.orderAndFetch("id", limit), args, LineDao::map);
    }

    /** {@code AND …} for the filter and the caller's holder, its values appended to {@code args}. */
    static String where(LineFilter f, String onlyHolder, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        condition(sql, args, "source", f.source());
        condition(sql, args, "holder", f.holder());
        condition(sql, args, "category", f.category());
        condition(sql, args, "holder", onlyHolder);
        return sql.toString();
    }

    private static void condition(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    static BudgetLine map(ResultSet rs) throws SQLException {
        BigDecimal budget = rs.getBigDecimal("budget");
        BigDecimal committed = rs.getBigDecimal("committed");
        BigDecimal spent = rs.getBigDecimal("spent");
        return new BudgetLine(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                FundingSource.valueOf(rs.getString("source")), rs.getString("holder"), rs.getString("category"),
                rs.getString("currency"), budget, committed, spent, budget.subtract(committed).subtract(spent),
                rs.getLong("version"), Sql.getInstant(rs, "created_at"), rs.getString("created_by"),
                rs.getString("source_node") == null ? null : rs.getString("source_node") + "/" + rs.getLong("source_id"),
                Sql.getInstant(rs, "source_as_of"));
    }
}
