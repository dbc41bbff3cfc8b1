package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
import org.tongpao.procurement.GoodsReceiptLine;
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
        // the receipt this call booked, as its transaction read it back; a repeated key books nothing and reads it
        AtomicReference<GoodsReceipt> booked = new AtomicReference<>();
        Ref ref = ctx.write(caller, key, "order.receive:" + orderId, r, c -> {
            GoodsReceipt receipt = book(c, caller, orderId, r);
            booked.set(receipt);
            return new Ref(ENTITY, String.valueOf(receipt.id()));
        });
        long receiptId = Long.parseLong(ref.id());
        GoodsReceipt fresh = booked.get();
        if (fresh != null && fresh.id() == receiptId) {
            return fresh;
        }
        return Transactions.read(ctx.ds, c -> ReceiptDao.one(c, Orders.visible(c, caller, orderId), receiptId));
    }

    List<GoodsReceipt> receipts(Caller caller, long orderId) {
        return Transactions.read(ctx.ds, c -> ReceiptDao.forOrder(c, Orders.visible(c, caller, orderId)));
    }

    /**
     * Books the receipt. The order is read once (locked); its lines' new totals and its status are worked out from
     * that read, the answer is built from what was written, without reading it back.
     */
    private GoodsReceipt book(Connection c, Caller caller, long orderId, ReceiptRequest r) throws SQLException {
        Optional<OrderDao.Receivable> locked = OrderDao.lockForReceipt(c, orderId);
        PurchaseOrder o = ScopeRules.visible(locked.map(OrderDao.Receivable::order),
                x -> ProcurementScope.canReadOrder(caller, x.provinceCode(), x.depotCode()), Orders.ENTITY, orderId);
        Orders.own(o);
        if (!ProcurementScope.canReceive(caller, locked.get().depotProvince(), o.depotCode())) {
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
        String deliveryNote = Checks.optionalText("deliveryNote", r.deliveryNote(), 100);
        String note = Checks.optionalText("note", r.note(), 500);
        Instant receivedAt = ctx.now();
        long receiptId = ReceiptDao.insert(c, o.id(), deliveryNote, receivedOn, caller.user(), receivedAt, note);
        Money spend = Money.zero(o.currency());
        for (ReceiptRules.Inspected i : inspected) {
            spend = spend.plus(Pricing.spendOf(i.line().acceptedQuantity(), i.accepted(), i.line().unitPrice(),
                    o.currency()));
        }
        OrderStatus status = settle(c, caller, o, inspected, receiptId, spend, rate);
        // the lots last: a receipt takes the depot's balance row of the item, which every receipt of that item
        // into that depot waits for, so it is held for the rest of the transaction only
        List<Long> lots = new ArrayList<>(inspected.size());
        for (ReceiptRules.Inspected i : inspected) {
            lots.add(i.accepted() > 0 ? intoStock(caller, o, i).id() : null);
        }
        List<GoodsReceiptLine> lines = ReceiptDao.insertLines(c, receiptId, inspected, lots);
        GoodsReceipt receipt = new GoodsReceipt(receiptId, o.id(), o.number(), deliveryNote, receivedOn,
                caller.user(), receivedAt, note, lines, status);
        // the audit row carries the receipt (its lines, the order's status after it), not the whole order twice
        ctx.audit.record(c, caller, ENTITY, String.valueOf(receiptId), "receive", null, receipt);
        ctx.event(c, caller, ProcurementTopics.RECEIPT_RECORDED, Map.of("receiptId", receiptId,
                "orderId", o.id(), "number", o.number(), "orderStatus", status.name()));
        return receipt;
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
     * approved commitment (the receiver needs no finance role); the receipt's audit row names the receiver. The
     * order's own audit row and event mark a change of its status (the first partial delivery, the last one);
     * every receipt has its own row and event.
     */
    private OrderStatus settle(Connection c, Caller caller, PurchaseOrder o, List<ReceiptRules.Inspected> inspected,
            long receiptId, Money spend, ExchangeRate rate) throws SQLException {
        Caller platform = Caller.system(caller.requestId());
        BigDecimal spentCny = o.spentCny();
        if (spend.isPositive()) {
            Commitment after = ctx.funding.spend(platform, o.commitmentReference(), spend,
                    rate.isIdentity() ? null : rate, "procurement:receipt:" + receiptId, false);
            spentCny = after.spent();
        }
        Map<Long, ReceiptRules.Inspected> byLine = new HashMap<>();
        inspected.forEach(i -> byLine.put(i.line().id(), i));
        boolean complete = true;
        boolean unpaid = false;
        for (OrderLine l : o.lines()) {
            ReceiptRules.Inspected i = byLine.get(l.id());
            long accepted = l.acceptedQuantity() + (i == null ? 0 : i.accepted());
            long rejected = l.rejectedQuantity() + (i == null ? 0 : i.rejected());
            complete &= accepted + rejected == l.quantity();
            unpaid |= accepted < l.quantity();
        }
        OrderStatus status = complete ? OrderStatus.RECEIVED : OrderStatus.PARTIALLY_RECEIVED;
        OrderDao.update(c, o.id(), "status = ?, spent_cny = ?, received_at = ?",
                Arrays.asList(status.name(), spentCny, complete ? ctx.now() : null));
        if (complete && unpaid) {
            ctx.funding.release(platform, o.commitmentReference(), null, "procurement:close:" + o.number(),
                    "order received; rejected goods are not paid");
        }
        if (status != o.status()) {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("status", o.status().name());
            before.put("spentCny", o.spentCny());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", status.name());
            after.put("spentCny", spentCny);
            after.put("receiptId", receiptId);
            ctx.audit.record(c, caller, Orders.ENTITY, String.valueOf(o.id()), "receive", before, after);
            orders.event(c, caller, complete ? ProcurementTopics.ORDER_RECEIVED
                    : ProcurementTopics.ORDER_PARTIALLY_RECEIVED, o, status);
        }
        return status;
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
