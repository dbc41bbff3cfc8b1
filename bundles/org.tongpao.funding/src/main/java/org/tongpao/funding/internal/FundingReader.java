package org.tongpao.funding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.FundingSummary;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.SummaryGroup;

/** The reads: lines, the commitments of a line, and budget vs committed vs spent, all within the caller's scope. */
record FundingReader(FundingContext ctx) {

    BudgetLine byCode(Caller caller, String code) {
        return Transactions.read(ctx.ds, c -> LineDao.findByCode(c, code))
                .filter(l -> FundingScope.canSee(caller, l.holder()))
                .orElseThrow(() -> new NotFoundException(FundingContext.LINE, code));
    }

    Page<BudgetLine> lines(Caller caller, LineFilter filter, int limit, String cursor) {
        LineFilter f = filter == null ? LineFilter.ALL : filter;
        List<BudgetLine> rows = Transactions.read(ctx.ds,
                c -> LineDao.page(c, f, FundingScope.onlyHolder(caller), limit, cursor));
        return Paging.page(rows, limit, BudgetLine::id);
    }

    Page<Commitment> commitments(Caller caller, long lineId, int limit, String cursor) {
        ctx.visibleLine(caller, lineId);
        List<Commitment> rows = Transactions.read(ctx.ds, c -> CommitmentDao.page(c, lineId, limit, cursor));
        return Paging.page(rows, limit, Commitment::id);
    }

    /** One GROUP BY over the visible lines; the dimensions not grouped by come back null. */
    List<FundingSummary> summary(Caller caller, LineFilter filter, Set<SummaryGroup> groups) {
        Set<SummaryGroup> by = groups == null || groups.isEmpty() ? Set.of(SummaryGroup.values()) : groups;
        List<String> columns = new ArrayList<>();
        for (SummaryGroup g : SummaryGroup.values()) {
            if (by.contains(g)) {
                columns.add(g.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        columns.add("currency");
        String grouped = String.join(", ", columns);
        List<Object> args = new ArrayList<>();
        String where = LineDao.where(filter == null ? LineFilter.ALL : filter, FundingScope.onlyHolder(caller), args);
        String sql = "SELECT " + grouped + ", COUNT(*) AS lines, SUM(budget) AS budget, SUM(committed) AS committed, "
                + "SUM(spent) AS spent FROM tp_fund_line WHERE 1 = 1" + where + " GROUP BY " + grouped + " ORDER BY "
                + grouped;
        return Transactions.read(ctx.ds, c -> Jdbc.query(c, sql, args, rs -> row(rs, by)));
    }

    private static FundingSummary row(ResultSet rs, Set<SummaryGroup> by) throws SQLException {
        var budget = rs.getBigDecimal("budget");
        var committed = rs.getBigDecimal("committed");
        var spent = rs.getBigDecimal("spent");
        return new FundingSummary(
                by.contains(SummaryGroup.SOURCE) ? FundingSource.valueOf(rs.getString("source")) : null,
                by.contains(SummaryGroup.HOLDER) ? rs.getString("holder") : null,
                by.contains(SummaryGroup.CATEGORY) ? rs.getString("category") : null,
                rs.getString("currency"), rs.getLong("lines"), budget, committed, spent,
                budget.subtract(committed).subtract(spent));
    }

}
