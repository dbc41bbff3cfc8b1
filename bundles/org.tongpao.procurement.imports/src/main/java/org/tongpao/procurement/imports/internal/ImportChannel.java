package org.tongpao.procurement.imports.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressDocument;
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
 * International import in one currency, seen through the channel SPI ({@code import-krw}, {@code import-usd}, ...:
 * the SPI quotes and orders in one currency per channel). Its offer is the current foreign offers in that currency;
 * progress is what the officers and customs record, pulled from the event table and pushed as it happens, with the
 * order's papers on AT_CUSTOMS and CLEARED.
 */
final class ImportChannel implements Channel {
    static final String ID_PREFIX = "import-";
    static final String REF_PREFIX = "IMP-";
    private static final Duration QUOTE_STANDS = Duration.ofHours(24);

    private final String currency;
    private final ImportBase base;
    private final ImportOffers offers;
    private final ImportOrders orders;
    private final ChannelOffer offer;

    ImportChannel(String currency, ImportBase base, ImportOffers offers, ImportOrders orders, List<ImportOffer> current) {
        this.currency = currency;
        this.base = base;
        this.offers = offers;
        this.orders = orders;
        this.offer = offerOf(currency, current);
    }

    static String id(String currency) {
        return ID_PREFIX + currency.toLowerCase(Locale.ROOT);
    }

    /** One line per item: the shortest lead time and the summed weekly capacity of the offers in this currency. */
    static ChannelOffer offerOf(String currency, List<ImportOffer> current) {
        OfferByItem items = new OfferByItem();
        current.stream().filter(o -> o.currency().equals(currency))
                .forEach(o -> items.add(o.itemCode(), o.leadDays(), o.capacityPerWeek()));
        return items.offer("International import (" + currency + ")", SupplyOrigin.INTERNATIONAL, currency,
                EnumSet.of(ProgressMode.PULL, ProgressMode.PUSH));
    }

    @Override
    public ChannelOffer offer() {
        return offer;
    }

    /** The cheapest offer per line in this currency; lines under another incoterm than the first's are left out. */
    @Override
    public ChannelQuote quote(QuoteRequest r) throws ChannelException {
        LocalDate today = base.today();
        List<ImportOffer> candidates = offers.activeFor(r.lines().stream().map(RequestLine::itemCode).distinct().toList());
        List<QuotedLine> quoted = new ArrayList<>();
        Incoterm incoterm = null;
        for (RequestLine l : r.lines()) {
            Optional<ImportOffer> best = ImportSourcing.best(candidates, today, l.itemCode(), l.quantity(), currency,
                    r.neededBy(), null);
            if (best.isPresent() && (incoterm == null || best.get().incoterm() == incoterm)) {
                incoterm = best.get().incoterm();
                quoted.add(new QuotedLine(l.lineRef(), l.quantity(), best.get().unitPrice(),
                        best.get().deliverBy(today, l.quantity())));
            }
        }
        return ChannelSupport.quote("IMQ-", r, currency, quoted, base.now().plus(QUOTE_STANDS),
                incoterm == null ? null : incoterm.name(),
                "import: customs clearance and the Chinese standard's certificate before release",
                "foreign offer in " + currency);
    }

    /** At the prices the platform agreed (each line's unit price is its ceiling) and the rate in force now. */
    @Override
    public PlacedOrder place(ChannelOrder o) throws ChannelException {
        if (!currency.equals(o.currency())) {
            throw new ChannelException("this channel imports in " + currency + ", not " + o.currency(), false);
        }
        NewImportOrder order = new NewImportOrder(o.orderRef(), o.deliverToProvince(), o.deliverTo(), o.currency(), null,
                o.lines().stream().map(l -> new NewImportOrder.Line(l.lineRef(), l.itemCode(), l.quantity(), l.unitPrice()))
                        .toList());
        ImportOrder placed = refused(() -> orders.place(platform(), order, null));
        return new PlacedOrder(REF_PREFIX + placed.id(), "rate at order " + placed.rateAtOrder().toPlainString() + " CNY per "
                + currency + " (" + placed.cnyAtOrder().toPlainString() + " CNY), " + placed.incoterm() + ", promised by "
                + placed.promisedDate());
    }

    @Override
    public void cancel(String channelOrderRef, String reason) throws ChannelException {
        long id = ChannelSupport.requireReferencedId(REF_PREFIX, channelOrderRef);
        refused(() -> orders.cancel(platform(), id, reason, null));
    }

    @Override
    public ProgressPage progress(String cursor) throws ChannelException {
        long after = ChannelSupport.cursorId(cursor, id(currency));
        List<ImportEvent> events = orders.eventsAfter(currency, after, ProgressSink.MAX_EVENTS);
        return ChannelSupport.page(cursor, events, ImportEvent::id, this::event);
    }

    /** The SPI's form of a step; customs steps carry the order's papers, an officer's cancellation is an EXCEPTION. */
    ProgressEvent event(ImportEvent e) {
        boolean cancelled = e.status() == ImportStatus.CANCELLED;
        ProgressStatus status = cancelled ? ProgressStatus.EXCEPTION : ProgressStatus.valueOf(e.status().name());
        List<ProgressDocument> docs = status == ProgressStatus.AT_CUSTOMS || status == ProgressStatus.CLEARED
                ? papers(e.orderId()) : List.of();
        String note = cancelled ? "cancelled by " + e.recordedBy() + (e.note() == null ? "" : ": " + e.note()) : e.note();
        return new ProgressEvent("imp-" + e.id(), REF_PREFIX + e.orderId(), status, e.at(), null, null, null, docs, note);
    }

    /** The order's papers and its import certificates (as IMPORT_CERTIFICATION). */
    private List<ProgressDocument> papers(long orderId) {
        ImportOrder o = orders.get(platform(), orderId);
        List<ProgressDocument> docs = new ArrayList<>();
        for (ImportDocument d : o.documents()) {
            docs.add(new ProgressDocument(d.kind(), d.number(), d.issued(), null));
        }
        for (Certification c : o.certifications()) {
            docs.add(new ProgressDocument(DocumentKind.IMPORT_CERTIFICATION, c.certificateNumber(), null, null));
        }
        return docs.size() > ProgressEvent.MAX_DOCUMENTS ? docs.subList(0, ProgressEvent.MAX_DOCUMENTS) : docs;
    }

    static Optional<Long> orderId(String channelOrderRef) {
        return ChannelSupport.referencedId(REF_PREFIX, channelOrderRef);
    }

    private Caller platform() {
        return Caller.system("channel-" + id(currency) + "-" + UUID.randomUUID());
    }

    /** Refused by the rules: non-retryable; the database failing: worth retrying. */
    private static <T> T refused(java.util.function.Supplier<T> call) throws ChannelException {
        return Refusals.translate(call, (reason, retryable, cause) -> new ChannelException(retryable
                ? "the import's database failed; try again" : reason, retryable, cause));
    }
}
