package org.tongpao.procurement.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.OrderProgress;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.PurchaseOrder;

/** What channels report about placed orders: stored in order of arrival, each an event on the outbox. */
final class ProgressBook {
    private final ProcurementContext ctx;

    ProgressBook(ProcurementContext ctx) {
        this.ctx = ctx;
    }

    /** Records a progress report for {@code order} in {@code c}'s transaction (the channels' intake). */
    void record(Connection c, PurchaseOrder order, String kind, Instant at, String detail, String source)
            throws SQLException {
        Jdbc.insert(c, "INSERT INTO tp_proc_order_progress (order_id, kind, occurred_at, detail, source, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)", args(order.id(), kind, at, detail, source, ctx.now()));
        ctx.event(c, Caller.system("channel:" + source), ProcurementTopics.ORDER_PROGRESS, Map.of("id", order.id(),
                "number", order.number(), "progress", kind, "provinceCode",
                order.provinceCode() == null ? "" : order.provinceCode()));
    }

    List<OrderProgress> list(Caller caller, long orderId) {
        return Transactions.read(ctx.ds, c -> {
            Orders.visible(c, caller, orderId);
            return Jdbc.query(c, "SELECT * FROM tp_proc_order_progress WHERE order_id = ? ORDER BY id", args(orderId),
                    rs -> new OrderProgress(rs.getLong("id"), rs.getString("kind"), Sql.getInstant(rs, "occurred_at"),
                            rs.getString("detail"), rs.getString("source"), Sql.getInstant(rs, "recorded_at")));
        });
    }
}
