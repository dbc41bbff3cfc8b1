package org.tongpao.procurement.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Item;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.ProcurementTopics;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.StoredQuote;
import org.tongpao.procurement.QuoteFilter;
import org.tongpao.procurement.QuoteLine;
import org.tongpao.procurement.QuoteOrder;
import org.tongpao.procurement.QuoteStatus;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.QuoteRequest;

/**
 * Quotes from channels, stored, and a stored quote turned into a draft order in one call. A quote is scoped as an
 * order is: the asking buyer's province (null: the ministry's), read by whoever reads that province's orders.
 */
final class Quotes {
    static final String ENTITY = "procurement-quote";

    private final ProcurementContext ctx;
    private final Orders orders;
    private final Supplier<OrderChannels> channels;

    Quotes(ProcurementContext ctx, Orders orders, Supplier<OrderChannels> channels) {
        this.ctx = ctx;
        this.orders = orders;
        this.channels = channels;
    }

    StoredQuote request(Caller caller, String channelId, QuoteRequest request, String key) {
        ProcurementScope.requireBuyer(caller);
        Checks.required("request", request);
        String province = ProcurementScope.buyerProvince(caller);
        if (province != null && !province.equals(request.deliverToProvince())) {
            throw new AccessDeniedException("A province's buyer asks for quotes for its own province only");
        }
        // the channel is asked outside any transaction; a retry with the key asks again but stores nothing new
        ChannelQuote answer = channels.get().quote(channelId, request);
        // the request's reference may be generated per call: what identifies a repeat is what was asked
        Object asked = List.of(channelId, request.lines(), request.deliverToProvince(),
                String.valueOf(request.neededBy()), request.emergency());
        Ref ref = ctx.write(caller, key, "quote.request:" + channelId, asked, c -> {
            long id = QuoteDao.insert(c, channelId, province, request, answer, caller.user(), ctx.now());
            StoredQuote stored = QuoteDao.find(c, id).orElseThrow();
            ctx.audit.record(c, caller, ENTITY, String.valueOf(id), "create", null, stored);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", id);
            p.put("channelId", channelId);
            p.put("quoteRef", stored.quoteRef());
            p.put("provinceCode", province);
            p.put("currency", stored.currency());
            p.put("totalAmount", stored.totalAmount().toPlainString());
            ctx.event(c, caller, ProcurementTopics.QUOTE_RECEIVED, p);
            return new Ref(ENTITY, String.valueOf(id));
        });
        return get(caller, Long.parseLong(ref.id()));
    }

    StoredQuote get(Caller caller, long id) {
        return Transactions.read(ctx.ds, c -> ScopeRules.visible(QuoteDao.find(c, id),
                q -> ProcurementScope.canReadOrder(caller, q.provinceCode(), null), ENTITY, id));
    }

    /** The quotes the caller reads (scoped as {@link #get}), filtered; a quote's status is as of now. */
    Page<StoredQuote> list(Caller caller, QuoteFilter filter, int limit, String cursor) {
        QuoteFilter f = filter == null ? QuoteFilter.ALL : filter;
        Paging.Query q = new Paging.Query("q.id", Paging.after(cursor), limit);
        ProcurementScope.readCondition(caller, q, "q.province_code", null);
        q.equal("q.channel_id", f.channelId()).equal("q.province_code", f.province());
        if (f.status() != null) {
            q.and(switch (f.status()) {
                case OPEN -> "q.order_id IS NULL AND q.valid_until > ?";
                case EXPIRED -> "q.order_id IS NULL AND q.valid_until <= ?";
                case ORDERED -> "q.order_id IS NOT NULL";
            }, f.status() == QuoteStatus.ORDERED ? List.of() : List.of(ctx.now()));
        }
        return Transactions.read(ctx.ds, c -> Paging.page(QuoteDao.page(c, q), limit, StoredQuote::id));
    }

    /**
     * The quote's lines an order takes, in the quote's order: all of them ({@code refs} null), or those whose
     * {@code lineRef} the body names (400 naming {@code lines[i]} for a line the quote lacks or one named twice).
     */
    static List<QuoteLine> chosen(StoredQuote q, List<String> refs) {
        if (refs == null) {
            return q.lines();
        }
        if (refs.isEmpty()) {
            throw new ValidationException("lines", "name at least one line of the quote, or leave lines out to order "
                    + "them all");
        }
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            String field = "lines[" + i + "]";
            if (q.lines().stream().noneMatch(l -> l.lineRef().equals(ref))) {
                throw new ValidationException(field, "quote " + q.quoteRef() + " has no line " + ref);
            }
            if (!wanted.add(ref)) {
                throw new ValidationException(field, "line " + ref + " is named twice");
            }
        }
        return q.lines().stream().filter(l -> wanted.contains(l.lineRef())).toList();
    }

    /**
     * The draft order from a quote (all its lines or those the body names): validated like a hand-drafted one (supplier qualified for every item, the
     * depot and budget line the buyer sees), then, in one transaction, the quote claimed (once) and the order
     * inserted with the quote's reference.
     */
    PurchaseOrder order(Caller caller, long quoteId, QuoteOrder body, String key) {
        ProcurementScope.requireBuyer(caller);
        QuoteOrder b = Checks.body(body);
        StoredQuote q = get(caller, quoteId);
        if (!ProcurementScope.canWriteOrder(caller, q.provinceCode())) {
            throw new AccessDeniedException("The caller's scope does not allow ordering this quote");
        }
        List<QuoteLine> chosen = chosen(q, b.lines());
        List<NewOrderLine> lines = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            QuoteLine l = chosen.get(i);
            String field = "lines[" + i + "].itemCode";
            Item item = ScopeRules.namedInBody(field, l.itemCode(), () -> ctx.catalogue.getByCode(caller, l.itemCode()));
            lines.add(new NewOrderLine(item.id(), l.quantity(), l.unitPrice(), q.currency(), l.deliverBy()));
        }
        NewOrder asOrder = new NewOrder(b.supplierId(), b.depotId(), b.budgetLineId(), q.currency(), b.exchangeRate(),
                q.emergency(), null, q.channelId(), b.note(), lines);
        OrderDraft draft = orders.draft(caller, asOrder, ProcurementScope.buyerProvince(caller))
                .fromQuote(q.id(), q.quoteRef());
        Ref ref = ctx.write(caller, key, "quote.order:" + quoteId, b, c -> {
            if (!q.validUntil().isAfter(ctx.now())) {
                throw new ConflictException("validUntil", "Quote " + q.quoteRef() + " of channel " + q.channelId()
                        + " expired at " + q.validUntil() + "; ask the channel again");
            }
            long id = OrderDao.insert(c, draft, caller.user(), ctx.now());
            if (!QuoteDao.claimForOrder(c, quoteId, id)) {
                StoredQuote taken = QuoteDao.find(c, quoteId).orElseThrow();
                String by = OrderDao.find(c, taken.orderId()).map(PurchaseOrder::number).orElse("#" + taken.orderId());
                throw new ConflictException("quoteId", "Quote " + q.quoteRef() + " is already ordered as " + by);
            }
            return orders.created(c, caller, id);
        });
        return orders.get(caller, Long.parseLong(ref.id()));
    }
}
