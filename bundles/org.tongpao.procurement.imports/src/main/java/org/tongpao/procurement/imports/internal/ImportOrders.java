package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.Money;

/**
 * Import orders: placed at the rate in force (fixed with the order), progressed by the officers (confirmed, shipped,
 * delivered once cleared), paid at the rate of the day of payment, cancelled until shipped. Customs steps are
 * {@link Customs}'; both move the order through {@link #advance}.
 */
@Component(service = ImportOrders.class)
public class ImportOrders {
    static final String ENTITY = "procurement-import-order";
    private final ImportBase base;

    @Activate
    public ImportOrders(@Reference ImportBase base) {
        this.base = base;
    }

    /** Places an order; a repeat of its reference with the same lines returns the first order. */
    public ImportOrder place(Caller caller, NewImportOrder body, String key) {
        NewImportOrder o = Checks.body(body).checked();
        Optional<ImportOrder> known = Transactions.read(base.ds, c -> ImportOrderDao.byRef(c, o.orderRef()));
        if (known.isPresent()) {
            return same(known.get(), o);
        }
        long id = base.write(caller, key, "import.order:" + o.orderRef(), o, c -> {
            Instant now = base.now();
            ImportOrderDao.Priced priced = price(c, o, now);
            long created = ImportOrderDao.insert(c, o, priced, caller.user(), now);
            ImportOrder placed = ImportOrderDao.get(c, created).orElseThrow();
            base.audit.record(c, caller, ENTITY, Long.toString(created), "PLACE", null, placed);
            base.event(c, ImportTopics.ORDER_PLACED, caller, props(placed));
            return created;
        }, ENTITY);
        return get(caller, id);
    }

    private static ImportOrder same(ImportOrder known, NewImportOrder o) {
        List<String> asked = o.lines().stream().map(l -> l.lineRef() + ":" + l.itemCode() + ":" + l.quantity()).sorted().toList();
        List<String> placed = known.lines().stream().map(l -> l.lineRef() + ":" + l.itemCode() + ":" + l.quantity()).sorted()
                .toList();
        if (!asked.equals(placed) || !known.currency().equals(o.currency())) {
            throw new ConflictException("orderRef", "order " + o.orderRef() + " was placed already with other content");
        }
        return known;
    }

    /** Each line's offer, the amount (each line rounded once to the currency), the rate in force and the CNY value. */
    private ImportOrderDao.Priced price(Connection c, NewImportOrder o, Instant now) throws SQLException {
        RecordedRate rate = ReferenceDao.rateAt(c, o.currency(), now).orElseThrow(() -> new ConflictException("currency",
                "no exchange rate for " + o.currency() + " is recorded; record one (POST /procurement/import/rates) first"));
        LocalDate today = base.today();
        List<ImportOffer> candidates = OfferDao.active(c, o.lines().stream().map(NewImportOrder.Line::itemCode).toList());
        List<ImportOffer> chosen = new ArrayList<>();
        List<Money> amounts = new ArrayList<>();
        Money total = Money.zero(o.currency());
        LocalDate promised = today;
        for (int i = 0; i < o.lines().size(); i++) {
            NewImportOrder.Line l = o.lines().get(i);
            String field = "lines[" + i + "]";
            ImportOffer offer = ImportSourcing.best(candidates, today, l.itemCode(), l.quantity(), o.currency(), o.neededBy(),
                    l.maxUnitPrice()).orElseThrow(() -> new ConflictException(field, "no foreign offer in " + o.currency()
                    + " supplies " + l.quantity() + " of " + l.itemCode() + (o.neededBy() == null ? "" : " by " + o.neededBy())
                    + (l.maxUnitPrice() == null ? "" : " at " + l.maxUnitPrice().toPlainString() + " or less")));
            if (!chosen.isEmpty() && offer.incoterm() != chosen.get(0).incoterm()) {
                throw new ConflictException(field, "one order ships under one incoterm: " + chosen.get(0).incoterm()
                        + ", not " + offer.incoterm() + "; order this line separately");
            }
            chosen.add(offer);
            Money amount = Conversion.line(offer.unitPrice(), l.quantity(), o.currency());
            amounts.add(amount);
            total = total.plus(amount);
            LocalDate by = offer.deliverBy(today, l.quantity());
            promised = by.isAfter(promised) ? by : promised;
        }
        return new ImportOrderDao.Priced(chosen, amounts, total, rate, Conversion.toCny(total, rate.rate(), rate.asOf()),
                promised);
    }

    /** The officer reports CONFIRMED, SHIPPED or DELIVERED (after customs cleared it); the same state again changes nothing. */
    public ImportOrder progress(Caller caller, long id, ImportStatus status, String note, String key) {
        ImportAccess.requireOfficer(caller, "report an import order's progress");
        ImportStatus next = Checks.required("status", status);
        if (!next.reportable()) {
            throw new ValidationException("status", "progress is CONFIRMED, SHIPPED or DELIVERED; AT_CUSTOMS and CLEARED "
                    + "follow the customs steps");
        }
        String n = Checks.optionalLine("note", note, 500);
        write(caller, id, key, "import.order.status:" + id, Map.of("status", next.name(), "note", String.valueOf(n)),
                (c, before) -> advance(c, caller, before, next, n));
        return get(caller, id);
    }

    public ImportOrder cancel(Caller caller, long id, String reason, String key) {
        ImportAccess.requireOfficer(caller, "cancel an import order");
        String why = Checks.optionalLine("reason", reason, 500);
        write(caller, id, key, "import.order.cancel:" + id, Map.of("reason", String.valueOf(why)),
                (c, before) -> advance(c, caller, before, ImportStatus.CANCELLED, why));
        return get(caller, id);
    }

    /**
     * Records the payment at the rate of its day: {@code rate} as the bank applied it, or the recorded rate in force
     * then. Paying again at the same rate changes nothing; at another is a conflict.
     */
    public ImportOrder pay(Caller caller, long id, BigDecimal rate, Instant paidAt, String key) {
        ImportAccess.requireOfficer(caller, "record an import order's payment");
        Map<String, Object> request = new HashMap<>();
        request.put("rate", rate == null ? null : rate.stripTrailingZeros().toPlainString());
        request.put("paidAt", paidAt == null ? null : paidAt.toString());
        write(caller, id, key, "import.order.pay:" + id, request, (c, before) -> {
            Instant when = paidAt == null ? base.now() : paidAt;
            BigDecimal r = rate != null ? rate : ReferenceDao.rateAt(c, before.currency(), when).map(RecordedRate::rate)
                    .orElseThrow(() -> new ConflictException("rate", "no rate for " + before.currency() + " on " + when));
            Money cny = Conversion.toCny(Money.of(before.amount(), before.currency()), r, when);
            if (before.status() == ImportStatus.CANCELLED) {
                throw new ConflictException("status", "order " + before.orderRef() + " is cancelled");
            }
            if (before.paidAt() != null) {
                if (before.rateAtPayment().compareTo(r) != 0) {
                    throw new ConflictException("rate", "order " + before.orderRef() + " was paid at " + before.rateAtPayment());
                }
                return;
            }
            if (!ImportOrderDao.update(c, before, "rate_at_payment = ?, rate_at_payment_as_of = ?, cny_at_payment = ?, "
                    + "paid_at = ?, paid_by = ?", r, when, cny.amount(), when, caller.user())) {
                throw stale(before);
            }
            ImportOrder after = ImportOrderDao.get(c, id).orElseThrow();
            base.audit.record(c, caller, ENTITY, Long.toString(id), "PAY", before, after);
            Map<String, Object> props = props(after);
            props.put("cnyAtPayment", cny.amount().toPlainString());
            props.put("exchangeDifferenceCny", after.exchangeDifferenceCny().toPlainString());
            base.event(c, ImportTopics.ORDER_PAID, caller, props);
        });
        return get(caller, id);
    }

    /** A change to one order: read it (visible to the caller), apply {@code change}, under the key. */
    void write(Caller caller, long id, String key, String operation, Object request, Change change) {
        base.write(caller, key, operation, request, c -> {
            ImportOrder before = ImportOrderDao.get(c, id).filter(o -> ImportAccess.canSee(caller, o.buyerProvince()))
                    .orElseThrow(() -> new NotFoundException(ENTITY, id));
            change.apply(c, before);
            return id;
        }, ENTITY);
    }

    @FunctionalInterface
    interface Change {
        void apply(Connection c, ImportOrder before) throws Exception;
    }

    /** Moves the order to {@code next} with its progress event (heard after commit); the state it is in is a no-op. */
    void advance(Connection c, Caller caller, ImportOrder before, ImportStatus next, String note) throws SQLException {
        if (before.status() == next) {
            return;
        }
        boolean ok = next == ImportStatus.CANCELLED ? before.status().cancellable() : before.status().canProgressTo(next);
        if (!ok) {
            throw new ConflictException("status", "order " + before.orderRef() + " is " + before.status()
                    + "; it cannot become " + next);
        }
        if (!ImportOrderDao.update(c, before, "status = ?", next)) {
            throw stale(before);
        }
        Instant now = base.now();
        long eventId = ImportOrderDao.addEvent(c, before.id(), next, now, note, caller.user());
        ImportOrder after = ImportOrderDao.get(c, before.id()).orElseThrow();
        base.audit.record(c, caller, ENTITY, Long.toString(before.id()), next.name(), before, after);
        base.event(c, next == ImportStatus.CANCELLED ? ImportTopics.ORDER_CANCELLED : ImportTopics.ORDER_PROGRESSED, caller,
                props(after));
        base.progressed(new ImportEvent(eventId, before.id(), next, now, note, caller.user()), before.currency());
    }

    static StaleVersionException stale(ImportOrder o) {
        return new StaleVersionException(ENTITY, o.id(), o.version(), o.version() + 1);
    }

    static Map<String, Object> props(ImportOrder o) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", o.id());
        p.put("orderRef", o.orderRef());
        p.put("status", o.status().name());
        p.put("currency", o.currency());
        p.put("amount", o.amount().toPlainString());
        p.put("rateAtOrder", o.rateAtOrder().toPlainString());
        p.put("cnyAtOrder", o.cnyAtOrder().toPlainString());
        if (o.buyerProvince() != null) {
            p.put("provinceCode", o.buyerProvince());
        }
        return p;
    }

    public ImportOrder get(Caller caller, long id) {
        return Transactions.read(base.ds, c -> ImportOrderDao.get(c, id))
                .filter(o -> ImportAccess.canSee(caller, o.buyerProvince())).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    public Page<ImportOrder> list(Caller caller, ImportStatus status, int limit, String cursor) {
        return Paging.page(Transactions.read(base.ds, c -> ImportOrderDao.page(c, status, caller.provinceCode(),
                Paging.after(cursor), limit)), limit, ImportOrder::id);
    }

    /** One currency's channel feed: the steps after {@code afterId}. */
    public List<ImportEvent> eventsAfter(String currency, long afterId, int limit) {
        return Transactions.read(base.ds, c -> ImportOrderDao.eventsAfter(c, currency, afterId, limit));
    }

}
