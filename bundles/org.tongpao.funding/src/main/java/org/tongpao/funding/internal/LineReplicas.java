package org.tongpao.funding.internal;

import java.time.Instant;
import java.util.Optional;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Money;

/**
 * Budget lines other nodes keep, stored here as read-only copies keyed by (node, id there): the line's amounts as
 * they stand there, moving only forward by the line's own version, so a redelivery or a late older copy changes
 * nothing. The link's scope decides which holder it may report (a province's link: its province's lines).
 */
record LineReplicas(FundingContext ctx) {
    private static final String ENTITY = "budget-line";

    BudgetLine replicate(Caller caller, String node, BudgetLine l, Instant asOf) {
        ScopeRules.requireScopedWriter(caller, "budget lines");
        Checks.required("line", l);
        String from = Checks.text("node", node, 64);
        Checks.required("asOf", asOf);
        String holder = Checks.line("holder", l.holder(), 16);
        if (BudgetLine.MINISTRY.equals(holder) || !ctx.provinces.isValid(holder)) {
            throw new ValidationException("holder", "a copied line is held by a province");
        }
        ScopeRules.requireWriteProvince(caller, holder, "budget lines");
        String code = from + "/" + Checks.text("code", l.code(), 64);
        if (code.length() > 64) {
            throw new ValidationException("code", "the copy's code " + code + " is longer than 64 characters");
        }
        Checks.required("source", l.source());
        if (!Money.CNY.equals(l.currency())) {
            throw new ValidationException("currency", "budget lines are kept in " + Money.CNY);
        }
        long id = Transactions.write(ctx.ds, "funding.replicate", c -> {
            Optional<Long> stored = Jdbc.one(c, "SELECT id FROM tp_fund_line WHERE source_node = ? AND source_id = ?",
                    Jdbc.args(from, l.id()), rs -> rs.getLong(1));
            BudgetLine before = stored.isEmpty() ? null : LineDao.find(c, stored.get()).orElseThrow();
            if (before != null && before.version() >= l.version()) {
                return before.id(); // a redelivery or an older copy arriving late
            }
            Instant now = ctx.now();
            long lineId;
            if (before == null) {
                lineId = Jdbc.insert(c, "INSERT INTO tp_fund_line (code, name, source, holder, category, currency, "
                        + "budget, committed, spent, version, created_at, created_by, updated_at, source_node, source_id, "
                        + "source_as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Jdbc.args(code,
                        Checks.line("name", l.name(), 200), l.source().name(), holder, l.category(), l.currency(),
                        l.budget(), l.committed(), l.spent(), l.version(), asOf, caller.user(), now, from, l.id(),
                        asOf));
            } else {
                lineId = before.id();
                Jdbc.update(c, "UPDATE tp_fund_line SET name = ?, category = ?, budget = ?, committed = ?, spent = ?, "
                        + "version = ?, updated_at = ?, source_as_of = ? WHERE id = ?", Jdbc.args(
                        Checks.line("name", l.name(), 200), l.category(), l.budget(), l.committed(), l.spent(),
                        l.version(), now, asOf, lineId));
            }
            BudgetLine after = LineDao.find(c, lineId).orElseThrow();
            ctx.audit.record(c, caller, ENTITY, Long.toString(lineId), "REPLICATE", before == null ? null
                    : audited(before), audited(after));
            return lineId;
        });
        return Transactions.read(ctx.ds, c -> LineDao.find(c, id)).orElseThrow();
    }

    private static java.util.Map<String, Object> audited(BudgetLine l) {
        return java.util.Map.of("code", l.code(), "budget", l.budget().toPlainString(), "committed",
                l.committed().toPlainString(), "spent", l.spent().toPlainString(), "version", l.version());
    }
}
