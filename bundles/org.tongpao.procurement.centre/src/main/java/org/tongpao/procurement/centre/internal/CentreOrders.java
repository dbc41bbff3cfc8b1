package org.tongpao.procurement.centre.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;

/**
 * Orders at the centre: placed under an agreement (named, or the cheapest able to deliver in time; an emergency
 * order single source and expedited), progressed by the centre's officers, cancelled until shipped. Whoever
 * listens ({@link ProgressListener}, the channel) hears each change after it commits.
 */
@Component(service = CentreOrders.class)
public class CentreOrders {
    private static final String ENTITY = "procurement-centre-order";

    /** Hears an order's progress after the change committed. */
    @FunctionalInterface
    public interface ProgressListener {
        void progressed(CentreOrder order, OrderEvent event);
    }

    private final DataSource ds;
    private final Agreements agreements;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;
    private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public CentreOrders(@Reference(target = "(tongpao.schema=" + CentreSchema.NAME + ")") SchemaReady schema,
            @Reference Agreements agreements, @Reference AuditTrail audit, @Reference IdempotencyKeys keys,
            @Reference EventOutbox outbox) {
        this.ds = schema.dataSource();
        this.agreements = agreements;
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
    }

    public void listen(ProgressListener l) {
        listeners.add(l);
    }

    public void unlisten(ProgressListener l) {
        listeners.remove(l);
    }

    /**
     * Places an order; a repeat of its {@code orderRef} with the same content returns the first order, with other
     * content it is a conflict.
     */
    public CentreOrder place(Caller caller, NewCentreOrder body, String idempotencyKey) {
        NewCentreOrder o = Checks.body(body).checked();
        if (o.emergency()) {
            CentreAccess.requireMinistryBuyer(caller, "record an emergency procurement");
        }
        Optional<CentreOrder> known = Transactions.read(ds, c -> OrderDao.byRef(c, o.orderRef()));
        if (known.isPresent()) {
            return sameOrder(known.get(), o);
        }
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "centre.order:" + o.orderRef(), o, c -> {
            LocalDate today = agreements.today();
            List<Offer> offers = Sourcing.choose(AgreementDao.activeFor(c, o.lines().stream()
                    .map(NewCentreOrder.Line::itemCode).distinct().toList()), today, o);
            long id = OrderDao.insert(c, o, offers, caller.user(), agreements.clock().instant());
            CentreOrder placed = OrderDao.get(c, id).orElseThrow();
            audit.record(c, caller, ENTITY, Long.toString(id), o.emergency() ? "EMERGENCY_PLACE" : "PLACE", null, placed);
            record(c, CentreTopics.ORDER_PLACED, placed, caller, Map.of("placedOn", today.toString()));
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(id));
        });
        return get(caller, Long.parseLong(out.ref().id()));
    }

    private static CentreOrder sameOrder(CentreOrder known, NewCentreOrder o) {
        List<String> asked = o.lines().stream().map(l -> l.lineRef() + ":" + l.itemCode() + ":" + l.quantity()).sorted().toList();
        List<String> placed = known.lines().stream().map(l -> l.lineRef() + ":" + l.itemCode() + ":" + l.quantity()).sorted()
                .toList();
        if (!asked.equals(placed) || known.emergency() != o.emergency()) {
            throw new ConflictException("orderRef", "order " + o.orderRef() + " was placed already with other content");
        }
        return known;
    }

    /** The centre's officer reports the order's progress; reporting the state it is in again changes nothing. */
    public CentreOrder progress(Caller caller, long id, CentreOrderStatus status, String note, String idempotencyKey) {
        CentreAccess.requireMinistryBuyer(caller, "report an order's progress");
        CentreOrderStatus next = Checks.required("status", status);
        if (next == CentreOrderStatus.PLACED || next == CentreOrderStatus.CANCELLED) {
            throw new ValidationException("status", "progress is CONFIRMED, IN_PRODUCTION, SHIPPED or DELIVERED");
        }
        return change(caller, id, next, Checks.optionalLine("note", note, 500), idempotencyKey);
    }

    /** Cancels an order not yet shipped (the platform's cancellation, or the centre's). */
    public CentreOrder cancel(Caller caller, long id, String reason, String idempotencyKey) {
        CentreAccess.requireMinistryBuyer(caller, "cancel an order at the centre");
        return change(caller, id, CentreOrderStatus.CANCELLED, Checks.optionalLine("reason", reason, 500), idempotencyKey);
    }

    private CentreOrder change(Caller caller, long id, CentreOrderStatus next, String note, String idempotencyKey) {
        Map<String, Object> request = new HashMap<>();
        request.put("status", next.name());
        request.put("note", note);
        keys.execute(ds, caller, idempotencyKey, "centre.order.status:" + id, request, c -> {
            CentreOrder before = OrderDao.get(c, id).filter(o -> CentreAccess.canSeeOrder(caller, o.buyerProvince()))
                    .orElseThrow(() -> new NotFoundException(ENTITY, id));
            if (before.status() == next) {
                return new IdempotencyKeys.Ref(ENTITY, Long.toString(id));
            }
            requireAllowed(before, next);
            if (!OrderDao.setStatus(c, before, next)) {
                throw new StaleVersionException(ENTITY, id, before.version(), before.version() + 1);
            }
            Instant now = agreements.clock().instant();
            long eventId = OrderDao.addEvent(c, id, next, now, note, caller.user());
            CentreOrder after = OrderDao.get(c, id).orElseThrow();
            audit.record(c, caller, ENTITY, Long.toString(id), next.name(), before, after);
            record(c, next == CentreOrderStatus.CANCELLED ? CentreTopics.ORDER_CANCELLED : CentreTopics.ORDER_PROGRESSED,
                    after, caller, Map.of());
            OrderEvent event = new OrderEvent(eventId, id, next, now, note, caller.user());
            Transactions.afterCommit(() -> listeners.forEach(l -> l.progressed(after, event)));
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(id));
        });
        return get(caller, id);
    }

    private static void requireAllowed(CentreOrder o, CentreOrderStatus next) {
        boolean ok = next == CentreOrderStatus.CANCELLED ? o.status().cancellable() : o.status().canProgressTo(next);
        if (!ok) {
            throw new ConflictException("status", "order " + o.orderRef() + " is " + o.status() + "; it cannot become " + next);
        }
    }

    private void record(java.sql.Connection c, String topic, CentreOrder o, Caller caller, Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("id", o.id());
        props.put("orderRef", o.orderRef());
        props.put("status", o.status().name());
        props.put("emergency", o.emergency());
        props.put("total", o.total().toPlainString());
        props.put("currency", o.currency());
        if (o.buyerProvince() != null) {
            props.put("provinceCode", o.buyerProvince());
        }
        props.put("actor", caller.user());
        outbox.record(c, topic, props);
    }

    public CentreOrder get(Caller caller, long id) {
        return Transactions.read(ds, c -> OrderDao.get(c, id)).filter(o -> CentreAccess.canSeeOrder(caller, o.buyerProvince()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** The steps after {@code afterId} of every order, oldest first (the channel's progress feed). */
    public List<OrderEvent> eventsAfter(long afterId, int limit) {
        return Transactions.read(ds, c -> OrderDao.eventsAfter(c, afterId, limit));
    }

    public Optional<CentreOrder> byRef(String orderRef) {
        return Transactions.read(ds, c -> OrderDao.byRef(c, orderRef));
    }

    public Page<CentreOrder> list(Caller caller, CentreOrderStatus status, int limit, String cursor) {
        String province = caller.provinceCode();
        return Paging.page(Transactions.read(ds, c -> OrderDao.page(c, status, province, Paging.after(cursor), limit)),
                limit, CentreOrder::id);
    }
}
