package org.tongpao.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Procurement (open and received purchase orders by buying province, in CNY) and funding (budget committed and
 * spent against each line's budget, by source and holder); each section says whether its capability is installed.
 * Federation: each provincial node's link and the age of the last data it sent.
 */
public record FundingReport(String scope, Instant generatedAt, Capability procurement, List<FundingOrderRow> orders,
        Capability funding, List<FundingBudgetRow> budgets, Capability federation, List<FederationNodeRow> nodes)
        implements Tabular {

    public record FundingOrderRow(String provinceCode, int openOrders, BigDecimal openCny, int receivedOrders,
            BigDecimal spentCny) {
    }

    public record FundingBudgetRow(String source, String holder, String currency, long lines, BigDecimal budget,
            BigDecimal committed, BigDecimal spent, BigDecimal available) {
    }

    /** {@code dataAgeSeconds}: since the last message from the node arrived (null: never). */
    public record FederationNodeRow(String node, boolean connected, Instant lastReceived, Long dataAgeSeconds,
            long backlog) {
    }

    @Override
    public List<Table> tables() {
        return List.of(
                new Table("budgets", List.of("source", "holder", "currency", "lines", "budget", "committed", "spent",
                        "available"), budgets.stream().map(b -> Rows.of(b.source(), b.holder(), b.currency(),
                                b.lines(), b.budget(), b.committed(), b.spent(), b.available())).toList()),
                new Table("orders", List.of("province", "open_orders", "open_cny", "received_orders", "spent_cny"),
                        orders.stream().map(o -> Rows.of(o.provinceCode(), o.openOrders(), o.openCny(),
                                o.receivedOrders(), o.spentCny())).toList()),
                new Table("nodes", List.of("node", "connected", "last_received", "data_age_seconds", "backlog"),
                        nodes.stream().map(n -> Rows.of(n.node(), n.connected(), n.lastReceived(),
                                n.dataAgeSeconds(), n.backlog())).toList()));
    }
}
