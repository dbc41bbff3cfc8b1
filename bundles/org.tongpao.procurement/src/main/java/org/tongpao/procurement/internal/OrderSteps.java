package org.tongpao.procurement.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.Money;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.PurchaseOrder;

/**
 * The steps after submission that move money or involve a channel: approval (the completing one commits the
 * order's amount on its budget line, in the same transaction), placing (through the order's channel, if any), and
 * cancellation (the channel first, then the order and the release of its commitment in one transaction).
 */
final class OrderSteps {
    private final ProcurementContext ctx;
    private final Orders orders;
    private final Supplier<OrderChannels> channels;

    OrderSteps(ProcurementContext ctx, Orders orders, Supplier<OrderChannels> channels) {
        this.ctx = ctx;
        this.orders = orders;
        this.channels = channels;
    }

    PurchaseOrder approve(Caller caller, long id, String justification, String key) {
        ProcurementScope.requireBuyer(caller);
        ctx.write(caller, key, "order.approve:" + id, justification, c -> {
            PurchaseOrder o = Orders.lockWritable(c, caller, id);
            ApprovalRules.Decision d = ApprovalRules.decide(o, caller, justification, ctx.now());
            OrderDao.insertApproval(c, id, d.approval());
            if (!d.completes()) {
                OrderDao.update(c, id, "status = status", List.of());
                return orders.transitioned(c, caller, o, ProcurementTopics.ORDER_APPROVAL_RECORDED, "approve");
            }
            commit(caller, o);
            OrderDao.update(c, id, "status = ?, approved_at = ?, justification = COALESCE(?, justification)",
                    Arrays.asList(OrderStatus.APPROVED.name(), ctx.now(),
                            o.emergency() ? d.approval().justification() : null));
            return orders.transitioned(c, caller, o, ProcurementTopics.ORDER_APPROVED, "approve");
        });
        return orders.get(caller, id);
    }

    /** The order's amount committed on its line, in CNY at the order's recorded rate (409 when the line is short). */
    private void commit(Caller caller, PurchaseOrder o) {
        Money amount = Money.of(o.totalAmount(), o.currency());
        ExchangeRate rate = Pricing.rate(o.currency(), o.exchangeRate(), o.createdAt(), "order");
        ctx.funding.commit(caller, o.budgetLineId(), amount, rate.isIdentity() ? null : rate,
                o.commitmentReference(), "Purchase order " + o.number());
    }

    PurchaseOrder place(Caller caller, long id, String key) {
        ProcurementScope.requireBuyer(caller);
        PurchaseOrder o = Transactions.read(ctx.ds, c -> Orders.writable(c, caller, id));
        Orders.requireStep(o, OrderStatus.PLACED, "placed");
        // the channel's call happens outside any transaction; the order number is its idempotency reference there
        String reference = o.channelId() == null ? null : channels.get().place(o);
        ctx.write(caller, key, "order.place:" + id, null, c -> {
            PurchaseOrder locked = Orders.lockWritable(c, caller, id);
            Orders.requireStep(locked, OrderStatus.PLACED, "placed");
            OrderDao.update(c, id, "status = ?, placed_by = ?, placed_at = ?, channel_reference = ?",
                    Arrays.asList(OrderStatus.PLACED.name(), caller.user(), ctx.now(), reference));
            if (reference != null) {
                channels.get().placed(c, locked, reference);
            }
            return orders.transitioned(c, caller, locked, ProcurementTopics.ORDER_PLACED, "place");
        });
        return orders.get(caller, id);
    }

    PurchaseOrder cancel(Caller caller, long id, String reason, String key) {
        ProcurementScope.requireBuyer(caller);
        String why = Checks.text("reason", reason, 500);
        PurchaseOrder o = Transactions.read(ctx.ds, c -> Orders.writable(c, caller, id));
        Orders.requireStep(o, OrderStatus.CANCELLED, "cancelled");
        if (o.channelReference() != null) {
            channels.get().cancel(o, why);
        }
        ctx.write(caller, key, "order.cancel:" + id, why, c -> {
            PurchaseOrder locked = Orders.lockWritable(c, caller, id);
            Orders.requireStep(locked, OrderStatus.CANCELLED, "cancelled");
            if (committed(locked.status())) {
                ctx.funding.release(caller, locked.commitmentReference(), null,
                        "procurement:cancel:" + locked.number(), why);
            }
            OrderDao.update(c, id, "status = ?, cancelled_by = ?, cancelled_at = ?, cancel_reason = ?",
                    List.of(OrderStatus.CANCELLED.name(), caller.user(), ctx.now(), why));
            return orders.transitioned(c, caller, locked, ProcurementTopics.ORDER_CANCELLED, "cancel");
        });
        return orders.get(caller, id);
    }

    private static boolean committed(OrderStatus s) {
        return s == OrderStatus.APPROVED || s == OrderStatus.PLACED || s == OrderStatus.PARTIALLY_RECEIVED;
    }
}
