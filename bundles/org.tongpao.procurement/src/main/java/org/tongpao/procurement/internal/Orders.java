package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Money;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.Qualification;

/** Drafting, submitting and reading purchase orders; the steps after that share {@link #transition}. */
final class Orders {
    static final String ENTITY = "purchase-order";

    private final ProcurementContext ctx;

    Orders(ProcurementContext ctx) {
        this.ctx = ctx;
    }

    PurchaseOrder create(Caller caller, NewOrder order, String key) {
        ProcurementScope.requireBuyer(caller);
        OrderDraft draft = draft(caller, Checks.body(order), ProcurementScope.buyerProvince(caller));
        Ref ref = ctx.write(caller, key, "order.create", order,
                c -> created(c, caller, OrderDao.insert(c, draft, caller.user(), ctx.now())));
        return get(caller, Long.parseLong(ref.id()));
    }

    /** After inserting order {@code id}: its audit row and event, on the insert's connection; its reference. */
    Ref created(Connection c, Caller caller, long id) throws SQLException {
        PurchaseOrder created = OrderDao.find(c, id).orElseThrow();
        ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "create", null, created);
        event(c, caller, ProcurementTopics.ORDER_CREATED, created);
        return new Ref(ENTITY, String.valueOf(id));
    }

    /**
     * A DRAFT's new header and lines, checked as a new draft is, in the order's own province (a ministry buyer
     * editing a province's draft keeps it that province's). {@code expectedVersion} is the version the caller read:
     * another is stale ({@link StaleVersionException}); the order must still be a DRAFT (409 naming status).
     */
    PurchaseOrder update(Caller caller, long id, Long expectedVersion, NewOrder order, String key) {
        ProcurementScope.requireBuyer(caller);
        PurchaseOrder current = Transactions.read(ctx.ds, c -> writable(c, caller, id));
        OrderDraft draft = draft(caller, Checks.body(order), current.provinceCode());
        // after the ids: an id out of scope answers 404 whether or not the version is given
        if (expectedVersion == null) {
            throw new ValidationException("If-Match", "If-Match with the order's version as read is required");
        }
        ctx.write(caller, key, "order.update:" + id, List.of(expectedVersion, order), c -> {
            PurchaseOrder o = lockWritable(c, caller, id);
            if (o.version() != expectedVersion.longValue()) {
                throw new StaleVersionException(ENTITY, o.number(), expectedVersion, o.version());
            }
            if (o.status() != OrderStatus.DRAFT) {
                throw new ConflictException("status", "Order " + o.number() + " is " + o.status()
                        + "; only a DRAFT can be changed (cancel it and draft again)");
            }
            OrderDao.replace(c, id, draft);
            return transitioned(c, caller, o, ProcurementTopics.ORDER_UPDATED, "update");
        });
        return get(caller, id);
    }

    PurchaseOrder submit(Caller caller, long id, String key) {
        ProcurementScope.requireBuyer(caller);
        ctx.write(caller, key, "order.submit:" + id, null, c -> {
            PurchaseOrder o = lockWritable(c, caller, id);
            requireStep(o, OrderStatus.SUBMITTED, "submitted");
            OrderDao.update(c, id, "status = ?, submitted_by = ?, submitted_at = ?",
                    List.of(OrderStatus.SUBMITTED.name(), caller.user(), ctx.now()));
            return transitioned(c, caller, o, ProcurementTopics.ORDER_SUBMITTED, "submit");
        });
        return get(caller, id);
    }

    PurchaseOrder get(Caller caller, long id) {
        return Transactions.read(ctx.ds, c -> visible(c, caller, id));
    }

    Page<PurchaseOrder> list(Caller caller, OrderFilter filter, int limit, String cursor) {
        OrderFilter f = filter == null ? OrderFilter.ALL : filter;
        Paging.Query q = new Paging.Query("o.id", Paging.after(cursor), limit);
        ProcurementScope.readCondition(caller, q, "o.province_code", "o.depot_code");
        q.equal("o.status", f.status()).equal("o.supplier_id", f.supplierId()).equal("o.province_code", f.province());
        return Transactions.read(ctx.ds, c -> {
            Page<PurchaseOrder> page = Paging.page(OrderDao.page(c, q), limit, PurchaseOrder::id);
            List<PurchaseOrder> full = new ArrayList<>();
            for (PurchaseOrder o : page.items()) {
                full.add(OrderDao.complete(c, o));
            }
            return new Page<>(full, page.nextCursor());
        });
    }

    /** The order if the caller may read it; 404 otherwise (missing or not visible alike). */
    static PurchaseOrder visible(Connection c, Caller caller, long id) throws SQLException {
        return ScopeRules.visible(OrderDao.find(c, id),
                o -> ProcurementScope.canReadOrder(caller, o.provinceCode(), o.depotCode()), ENTITY, id);
    }

    /** The order locked, if the caller may read it (404) and change it (403). */
    static PurchaseOrder lockWritable(Connection c, Caller caller, long id) throws SQLException {
        return writable(caller, OrderDao.lock(c, id), id);
    }

    /** The order, if the caller may read it (404) and change it (403); not locked (a check before a partner call). */
    static PurchaseOrder writable(Connection c, Caller caller, long id) throws SQLException {
        return writable(caller, OrderDao.find(c, id), id);
    }

    private static PurchaseOrder writable(Caller caller, Optional<PurchaseOrder> found, long id) {
        PurchaseOrder o = ScopeRules.visible(found,
                x -> ProcurementScope.canReadOrder(caller, x.provinceCode(), x.depotCode()), ENTITY, id);
        if (!ProcurementScope.canWriteOrder(caller, o.provinceCode())) {
            throw new AccessDeniedException("The caller's scope does not allow changing this order");
        }
        return own(o);
    }

    /** Refuses a change to a read-only copy of another node's order: 409 naming the node that keeps it. */
    static PurchaseOrder own(PurchaseOrder o) {
        if (o.source() != null) {
            throw new ConflictException("id", "Order " + o.number() + " is kept by node "
                    + o.source().substring(0, o.source().lastIndexOf('/')) + ": record it there (this is its "
                    + "read-only copy)");
        }
        return o;
    }

    /** 409 naming {@code status} unless the order may take the step to {@code next}. */
    static void requireStep(PurchaseOrder o, OrderStatus next, String verb) {
        if (!o.status().canBecome(next)) {
            throw new ConflictException("status", "Order " + o.number() + " is " + o.status() + " and cannot be "
                    + verb);
        }
    }

    /** After a step: the audit row and the event, on the step's connection; the order's reference. */
    Ref transitioned(Connection c, Caller caller, PurchaseOrder before, String topic, String action)
            throws SQLException {
        PurchaseOrder after = OrderDao.find(c, before.id()).orElseThrow();
        ctx.audit.record(c, caller, ENTITY, String.valueOf(before.id()), action, before, after);
        event(c, caller, topic, after);
        return new Ref(ENTITY, String.valueOf(before.id()));
    }

    void event(Connection c, Caller caller, String topic, PurchaseOrder o) {
        event(c, caller, topic, o, o.status());
    }

    /** The order's event with {@code status}, its status after a change booked on {@code o} as read before it. */
    void event(Connection c, Caller caller, String topic, PurchaseOrder o, OrderStatus status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", o.id());
        p.put("number", o.number());
        p.put("status", status.name());
        p.put("provinceCode", o.provinceCode());
        p.put("supplierId", o.supplierId());
        p.put("totalCny", o.totalCny().toPlainString());
        ctx.event(c, caller, topic, p);
    }

    /** A draft for {@code province} (null: the ministry's), every id looked up and every amount computed. */
    OrderDraft draft(Caller caller, NewOrder o, String province) {
        String currency = Money.CNY.equals(o.currency()) ? Money.CNY : currency(o.currency());
        BigDecimal rate = rate(currency, o.exchangeRate());
        String justification = Checks.optionalText("justification", o.justification(), 1000);
        Checks.required("supplierId", o.supplierId());
        Checks.required("depotId", o.depotId());
        Checks.required("budgetLineId", o.budgetLineId());
        if (o.lines() == null || o.lines().isEmpty() || o.lines().size() > 200) {
            throw new ValidationException("lines", "an order has 1 to 200 lines");
        }
        SupplierDao.Row supplier = Transactions.read(ctx.ds, c -> ScopeRules.visibleField(
                SupplierDao.find(c, o.supplierId()), s -> ProcurementScope.canReadSupplier(caller, s.provinceCode()),
                "supplierId", o.supplierId()));
        if (!supplier.active()) {
            throw new ConflictException("supplierId", "Supplier " + supplier.code() + " is not active");
        }
        Depot depot = ctx.depot(caller, "depotId", o.depotId(), province);
        BudgetLine line = ScopeRules.namedInBody("budgetLineId", o.budgetLineId(),
                () -> ctx.funding.line(caller, o.budgetLineId()));
        List<OrderDraft.Line> lines = lines(caller, supplier, currency, o.lines());
        Money total = Money.zero(currency);
        for (OrderDraft.Line l : lines) {
            total = total.plus(Pricing.lineAmount(l.quantity(), l.unitPrice(), currency));
        }
        Money cny = Pricing.rate(currency, rate, ctx.now(), "order").convert(total);
        return new OrderDraft(province, supplier.id(), depot, line.id(), Checks.optionalText("channelId",
                o.channelId(), 64), Boolean.TRUE.equals(o.emergency()), justification, currency, rate, total.amount(),
                cny.amount(), Checks.optionalText("note", o.note(), 500), lines, null, null);
    }

    private static String currency(String code) {
        Money.scale(code);
        return code;
    }

    private static BigDecimal rate(String currency, BigDecimal given) {
        if (Money.CNY.equals(currency)) {
            if (given != null && given.compareTo(BigDecimal.ONE) != 0) {
                throw new ValidationException("exchangeRate", "an order in CNY has no exchange rate but 1");
            }
            return BigDecimal.ONE;
        }
        if (given == null || given.signum() <= 0) {
            throw new ValidationException("exchangeRate", "exchangeRate (CNY per " + currency
                    + ") is required and positive for an order in " + currency);
        }
        if (given.stripTrailingZeros().scale() > 8) {
            throw new ValidationException("exchangeRate", "exchangeRate has at most 8 decimals");
        }
        return given;
    }

    private List<OrderDraft.Line> lines(Caller caller, SupplierDao.Row supplier, String currency,
            List<NewOrderLine> given) {
        List<OrderDraft.Line> out = new ArrayList<>();
        Set<Long> items = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            NewOrderLine l = given.get(i);
            String at = "lines[" + i + "].";
            Checks.required(at + "itemId", l.itemId());
            long quantity = Checks.positive(at + "quantity", l.quantity());
            BigDecimal price = Checks.required(at + "unitPrice", l.unitPrice());
            if (price.signum() < 0 || price.stripTrailingZeros().scale() > Pricing.MAX_PRICE_DECIMALS) {
                throw new ValidationException(at + "unitPrice", "unitPrice must be at least 0 with at most "
                        + Pricing.MAX_PRICE_DECIMALS + " decimals");
            }
            if (l.currency() != null && !l.currency().equals(currency)) {
                throw new ValidationException(at + "currency", "every line is in the order's currency " + currency);
            }
            Checks.required(at + "promisedDate", l.promisedDate());
            if (!items.add(l.itemId())) {
                throw new ValidationException(at + "itemId", "item " + l.itemId() + " is ordered twice");
            }
            Item item = ctx.item(caller, at + "itemId", l.itemId());
            Qualification q = Transactions.read(ctx.ds, c -> SupplierDao.qualification(c, supplier.id(), item.id()))
                    .orElseThrow(() -> new ConflictException(at + "itemId", "Supplier " + supplier.code()
                            + " is not qualified for item " + item.code()));
            if (item.standard() != null && !item.standard().equalsIgnoreCase(q.standard())) {
                throw new ConflictException(at + "itemId", "Supplier " + supplier.code() + " is qualified to "
                        + q.standard() + ", item " + item.code() + " requires " + item.standard());
            }
            String standard = item.standard() != null ? item.standard() : q.standard();
            out.add(new OrderDraft.Line(i + 1, item, standard, quantity, price, l.promisedDate()));
        }
        return out;
    }
}
