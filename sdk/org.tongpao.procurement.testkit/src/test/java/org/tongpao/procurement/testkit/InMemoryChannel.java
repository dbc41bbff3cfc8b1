package org.tongpao.procurement.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.OfferLine;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressMode;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.SupplyOrigin;

/** A well-behaved channel for the testkit's own tests: masks, confirmed at once, pull progress by sequence number. */
class InMemoryChannel implements Channel {
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, String> refByOrder = new ConcurrentHashMap<>();
    private final List<ProgressEvent> events = new ArrayList<>();

    @Override
    public ChannelOffer offer() {
        return new ChannelOffer("In-memory masks", Set.of(SupplyOrigin.DOMESTIC), "CNY",
                List.of(OfferLine.category(Samples.CATEGORY, 7, 1_000_000)), Set.of(ProgressMode.PULL));
    }

    @Override
    public ChannelQuote quote(QuoteRequest request) throws ChannelException {
        List<QuotedLine> lines = request.lines().stream().map(l -> new QuotedLine(l.lineRef(), l.quantity(),
                new java.math.BigDecimal("2.80"), LocalDate.now(ZoneOffset.UTC).plusDays(7))).toList();
        return new ChannelQuote("Q-" + sequence.incrementAndGet(), "CNY", lines, Instant.now().plus(Duration.ofHours(1)),
                null, null);
    }

    @Override
    public PlacedOrder place(ChannelOrder order) throws ChannelException {
        String ref = refByOrder.computeIfAbsent(order.orderRef(), r -> {
            String own = "IM-" + sequence.incrementAndGet();
            record(own, ProgressStatus.CONFIRMED);
            return own;
        });
        return new PlacedOrder(ref, null);
    }

    @Override
    public void cancel(String channelOrderRef, String reason) throws ChannelException {
        if (!refByOrder.containsValue(channelOrderRef)) {
            throw new ChannelException("unknown order " + channelOrderRef, false);
        }
    }

    @Override
    public ProgressPage progress(String cursor) throws ChannelException {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        synchronized (events) {
            List<ProgressEvent> page = events.subList(Math.min(from, events.size()), Math.min(from + 2, events.size()));
            return page.isEmpty() ? ProgressPage.empty(cursor)
                    : new ProgressPage(List.copyOf(page), Integer.toString(from + page.size()));
        }
    }

    void record(String channelOrderRef, ProgressStatus status) {
        synchronized (events) {
            events.add(ProgressEvent.of("E-" + (events.size() + 1), channelOrderRef, status, Instant.now()));
        }
    }
}
