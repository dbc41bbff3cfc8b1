package org.tongpao.procurement.centre.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongpao.core.Caller;
import org.tongpao.core.Refusals;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelSupport;
import org.tongpao.procurement.api.OfferByItem;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressMode;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressSink;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;
import org.tongpao.procurement.api.SupplyOrigin;

/**
 * The procurement centre seen through the channel SPI, exactly as a partner's channel is: its offer is the items
 * of its current agreements (fixed when registered; {@link CentreChannelPublisher} registers it again when the
 * agreements change), quotes and orders go through {@link Sourcing}, progress is what the centre's officers report,
 * pulled from the event table (the cursor is the last event id) and pushed as it happens.
 */
final class CentreChannel implements Channel {
    static final String ID = "centre";
    static final String REF_PREFIX = "PCC-";
    private static final Duration QUOTE_STANDS = Duration.ofHours(24);

    private final Agreements agreements;
    private final CentreOrders orders;
    private final ChannelOffer offer;

    CentreChannel(Agreements agreements, CentreOrders orders, List<Agreement> current) {
        this.agreements = agreements;
        this.orders = orders;
        this.offer = offerOf(current);
    }

    /** One line per item: the shortest lead time and the summed weekly capacity of the agreements covering it; null when none. */
    static ChannelOffer offerOf(List<Agreement> current) {
        OfferByItem items = new OfferByItem();
        for (Agreement a : current) {
            for (AgreementLine l : a.items()) {
                items.add(l.itemCode(), a.leadDays(), l.capacityPerWeek());
            }
        }
        return items.isEmpty() ? null : items.offer("Central procurement centre", SupplyOrigin.DOMESTIC,
                AgreementDao.CURRENCY, EnumSet.of(ProgressMode.PULL, ProgressMode.PUSH));
    }

    boolean offersSomething() {
        return offer != null;
    }

    @Override
    public ChannelOffer offer() {
        return offer;
    }

    @Override
    public ChannelQuote quote(QuoteRequest r) throws ChannelException {
        LocalDate today = agreements.today();
        List<Agreement> candidates = agreements.activeFor(r.lines().stream().map(RequestLine::itemCode).distinct().toList());
        List<QuotedLine> quoted = new ArrayList<>();
        String note = null;
        if (r.emergency()) {
            NewCentreOrder asOrder = new NewCentreOrder(r.requestRef(), r.deliverToProvince(), null, null, null, true, null,
                    null, r.lines().stream().map(l -> new NewCentreOrder.Line(l.lineRef(), l.itemCode(), l.quantity(), null))
                    .toList());
            List<Offer> offers = refusedAsChannel(() -> Sourcing.choose(candidates, today, asOrder));
            for (int i = 0; i < offers.size(); i++) {
                quoted.add(quoted(r.lines().get(i).lineRef(), offers.get(i)));
            }
            note = "emergency procurement: single source under agreement " + offers.get(0).agreementCode() + ", expedited";
        } else {
            for (RequestLine l : r.lines()) {
                OfferRanking.rank(candidates, today, l.itemCode(), l.quantity(), r.neededBy(), OfferRanking.Preference.PRICE)
                        .stream().findFirst().ifPresent(o -> quoted.add(quoted(l.lineRef(), o)));
            }
        }
        return ChannelSupport.quote("PCQ-", r, AgreementDao.CURRENCY, quoted, agreements.clock().instant().plus(QUOTE_STANDS),
                null, note, "framework agreement valid on " + today);
    }

    private static QuotedLine quoted(String lineRef, Offer o) {
        return new QuotedLine(lineRef, o.quantity(), o.unitPrice(), o.deliverBy());
    }

    /**
     * Takes the platform's order at the prices it agreed (each line's unit price is its ceiling). The order's
     * approvers (SPI 1.2) are recorded on the framework or emergency record, and an emergency order's justification
     * is its approval's; from a platform on SPI 1.1 (no approvals) the justification is the order's {@code note} and
     * the approval is recorded as the platform order's.
     */
    @Override
    public PlacedOrder place(ChannelOrder o) throws ChannelException {
        if (!AgreementDao.CURRENCY.equals(o.currency())) {
            throw new ChannelException("the centre's agreements are in CNY, not " + o.currency(), false);
        }
        String approvedBy = approvedBy(o);
        String justification = !o.emergency() ? null : o.justification() != null ? o.justification() : o.note();
        NewCentreOrder order = new NewCentreOrder(o.orderRef(), o.deliverToProvince(), o.deliverTo(), null, null,
                o.emergency(), justification, approvedBy,
                o.lines().stream().map(l -> new NewCentreOrder.Line(l.lineRef(), l.itemCode(), l.quantity(), l.unitPrice()))
                        .toList());
        CentreOrder placed = refusedAsChannel(() -> orders.place(platform(), order, null));
        return new PlacedOrder(REF_PREFIX + placed.id(), "promised by " + placed.promisedDate()
                + (placed.emergency() ? ", emergency procurement (single source, expedited)" : ""));
    }

    /**
     * Who approved, as the centre records it: the approvers in order, "name (role)" joined, at most 128 characters;
     * an order without approvals (SPI 1.1) names the platform order for an emergency and nobody otherwise.
     */
    static String approvedBy(ChannelOrder o) {
        if (o.approvals().isEmpty()) {
            return o.emergency() ? platformApproval(o.orderRef()) : null;
        }
        String all = o.approvals().stream().map(a -> a.approver() + " (" + a.role() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return all.length() <= 128 ? all : all.substring(0, 127) + "…";
    }

    static String platformApproval(String orderRef) {
        return "Tongpao order " + orderRef;
    }

    @Override
    public void cancel(String channelOrderRef, String reason) throws ChannelException {
        long id = ChannelSupport.requireReferencedId(REF_PREFIX, channelOrderRef);
        refusedAsChannel(() -> orders.cancel(platform(), id, reason, null));
    }

    @Override
    public ProgressPage progress(String cursor) throws ChannelException {
        long after = ChannelSupport.cursorId(cursor, ID);
        List<OrderEvent> events = orders.eventsAfter(after, ProgressSink.MAX_EVENTS);
        return ChannelSupport.page(cursor, events, OrderEvent::id, CentreChannel::event);
    }

    /** The SPI's form of a step; the centre cancelling an order itself is an EXCEPTION saying so. */
    static ProgressEvent event(OrderEvent e) {
        ProgressStatus status = e.status() == CentreOrderStatus.CANCELLED ? ProgressStatus.EXCEPTION
                : ProgressStatus.valueOf(e.status().name());
        String note = e.status() == CentreOrderStatus.CANCELLED
                ? "cancelled at the centre by " + e.recordedBy() + (e.note() == null ? "" : ": " + e.note()) : e.note();
        return new ProgressEvent("pcc-" + e.id(), REF_PREFIX + e.orderId(), status, e.at(), null, null, null, List.of(),
                note);
    }

    static Optional<Long> orderId(String channelOrderRef) {
        return ChannelSupport.referencedId(REF_PREFIX, channelOrderRef);
    }

    private static Caller platform() {
        return Caller.system("channel-" + ID + "-" + UUID.randomUUID());
    }

    /** A call the centre refuses (bad input, not found, conflict) is a refusal; a database failure is worth retrying. */
    private static <T> T refusedAsChannel(java.util.function.Supplier<T> call) throws ChannelException {
        return Refusals.translate(call, (reason, retryable, cause) -> new ChannelException(retryable
                ? "the centre's database failed; try again" : reason, retryable, cause));
    }
}
