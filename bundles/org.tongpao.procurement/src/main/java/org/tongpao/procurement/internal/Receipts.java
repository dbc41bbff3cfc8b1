package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.Money;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.procurement.GoodsReceipt;
import org.tongpao.procurement.OrderLine;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.ReceiptLineRequest;
import org.tongpao.procurement.ReceiptRequest;

/**
 * A delivery received against an order, in one transaction: the inspection of each line, the accepted goods put
 * into inventory as lots whose origin is the order line (through the inventory's public {@code StockLedger},
 * joined to this transaction), the order lines' totals and the order's status, the accepted amount turned from
 * commitment into spend (funding, joined too), and, when the order is complete, the release of what rejected goods
 * left committed. Any refusal on the way rolls back all of it.
 */
final class Receipts {
    static final String ENTITY = "goods-receipt";

    private final ProcurementContext ctx;
    private final Orders orders;

    Receipts(ProcurementContext ctx, Orders orders) {
        this.ctx = ctx;
        this.orders = orders;
    }

    GoodsReceipt receive(Caller caller, long orderId, ReceiptRequest r, String key) {
        ProcurementScope.requireReceiver(caller);
        Checks.body(r);
        if (r.lines() == null || r.lines().isEmpty() || r.lines().size() > 200) {
            throw new ValidationException("lines", "a receipt has 1 to 200 lines");
        }
        Ref ref = ctx.writes.run(caller, key, "order.receive:" + orderId, r, c -> book(c, caller, orderId, r));
        long receiptId = Long.parseLong(ref.id());
        return Transactions.read(ctx.ds, c -> ReceiptDao.one(c, Orders.visible(c, caller, orderId), receiptId));
    }

    List<GoodsReceipt> receipts(Caller caller, long orderId) {
        return Transactions.read(ctx.ds, c -> ReceiptDao.forOrder(c, Orders.visible(c, caller, orderId)));
    }

    private Ref book(Connection c, Caller caller, long orderId, ReceiptRequest r) throws SQLException {
        PurchaseOrder o = ScopeRules.visible(OrderDao.lock(c, orderId),
                x -> ProcurementScope.canReadOrder(caller, x.provinceCode(), x.depotCode()), Orders.ENTITY, orderId);
        if (!ProcurementScope.canReceive(caller, ReceiptDao.depotProvince(c, orderId), o.depotCode())) {
            throw new AccessDeniedException("The caller's scope does not allow receiving goods into this depot");
        }
        if (!o.status().receivable()) {
            throw new ConflictException("status", "Order " + o.number() + " is " + o.status()
                    + "; goods are received against PLACED or PARTIALLY_RECEIVED orders");
        }
        LocalDate receivedOn = r.receivedOn() == null ? ctx.today() : r.receivedOn();
        if (receivedOn.isAfter(ctx.today())) {
            throw new ValidationException("receivedOn", "receivedOn cannot be in the future");
        }
        ExchangeRate rate = paymentRate(o, r.exchangeRate());
        List<ReceiptRules.Inspected> inspected = inspect(caller, o, r.lines(), receivedOn);
        long receiptId = ReceiptDao.insert(c, o.id(), Checks.optionalText("deliveryNote", r.deliveryNote(), 100),
                receivedOn, caller.user(), ctx.now(), Checks.optionalText("note", r.note(), 500));
        Money spend = Money.zero(o.currency());
        for (ReceiptRules.Inspected i : inspected) {
            Long lotId = i.accepted() > 0 ? intoStock(caller, o, i).id() : null;
            ReceiptDao.insertLine(c, receiptId, i, lotId);
            spend = spend.plus(Pricing.spendOf(i.line().acceptedQuantity(), i.accepted(), i.line().unitPrice(),
                    o.currency()));
        }
        settle(c, caller, o, receiptId, spend, rate);
        return new Ref(ENTITY, String.valueOf(receiptId));
    }

    private List<ReceiptRules.Inspected> inspect(Caller caller, PurchaseOrder o, List<ReceiptLineRequest> lines,
            LocalDate receivedOn) {
        List<ReceiptRules.Inspected> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ReceiptLineRequest l = lines.get(i);
            String at = "lines[" + i + "].";
            long lineId = Checks.required(at + "orderLineId", l.orderLineId());
            OrderLine line = o.lines().stream().filter(x -> x.id() == lineId).findFirst()
                    .orElseThrow(() -> new ValidationException(at + "orderLineId", "order " + o.number()
                            + " has no line " + lineId));
            if (!seen.add(lineId)) {
                throw new ValidationException(at + "orderLineId", "line " + lineId + " is listed twice");
            }
            out.add(ReceiptRules.inspect(at, line, l, ctx.item(caller, at + "orderLineId", line.itemId()),
                    receivedOn));
        }
        return out;
    }

    /** The accepted goods as a lot of the order's depot; its source document names the order line. */
    private Lot intoStock(Caller caller, PurchaseOrder o, ReceiptRules.Inspected i) {
        NewReceipt lot = NewReceipt.builder().depotId(o.depotId()).itemId(i.line().itemId()).quantity(i.accepted())
                .origin(LotOrigin.PURCHASE_ORDER).sourceDocument(o.number() + "/" + i.line().lineNo())
                .expiryDate(i.expiryDate()).note("certificate " + i.certificateNumber() + ", batch "
                        + i.productionBatch())
                .build();
        // no key of its own: this receipt's key guards the whole transaction the inventory joins
        return ctx.stock.receive(caller, lot, null);
    }

    /**
     * The money and the order's status after the lines are booked. Spend is booked by the platform on the order's
     * approved commitment (the receiver needs no finance role); the receipt's audit row names the receiver.
     */
    private void settle(Connection c, Caller caller, PurchaseOrder o, long receiptId, Money spend, ExchangeRate rate)
            throws SQLException {
        Caller platform = Caller.system(caller.requestId());
        BigDecimal spentCny = o.spentCny();
        if (spend.isPositive()) {
            Commitment after = ctx.funding.spend(platform, o.commitmentReference(), spend,
                    rate.isIdentity() ? null : rate, "procurement:receipt:" + receiptId, false);
            spentCny = after.spent();
        }
        PurchaseOrder booked = OrderDao.find(c, o.id()).orElseThrow();
        boolean complete = booked.lines().stream().allMatch(l -> l.outstanding() == 0);
        OrderStatus status = complete ? OrderStatus.RECEIVED : OrderStatus.PARTIALLY_RECEIVED;
        OrderDao.update(c, o.id(), "status = ?, spent_cny = ?, received_at = ?",
                Arrays.asList(status.name(), spentCny, complete ? ctx.now() : null));
        if (complete && hasUnpaid(booked)) {
            ctx.funding.release(platform, o.commitmentReference(), null, "procurement:close:" + o.number(),
                    "order received; rejected goods are not paid");
        }
        orders.transitioned(c, caller, o, complete ? ProcurementTopics.ORDER_RECEIVED
                : ProcurementTopics.ORDER_PARTIALLY_RECEIVED, "receive");
        ctx.event(c, caller, ProcurementTopics.RECEIPT_RECORDED, Map.of("receiptId", receiptId,
                "orderId", o.id(), "number", o.number()));
    }

    /** Whether rejections left part of the order's amount unspent (to be released when it closes). */
    private static boolean hasUnpaid(PurchaseOrder o) {
        return o.lines().stream().anyMatch(l -> l.acceptedQuantity() < l.quantity());
    }

    private ExchangeRate paymentRate(PurchaseOrder o, BigDecimal given) {
        if (given != null && Money.CNY.equals(o.currency()) && given.compareTo(BigDecimal.ONE) != 0) {
            throw new ValidationException("exchangeRate", "an order in CNY has no exchange rate but 1");
        }
        BigDecimal rate = given == null ? o.exchangeRate() : given;
        if (rate.signum() <= 0) {
            throw new ValidationException("exchangeRate", "exchangeRate must be positive");
        }
        return Pricing.rate(o.currency(), rate, ctx.now(), given == null ? "order" : "receipt");
    }
}
