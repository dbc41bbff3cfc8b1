package org.tongpao.procurement.internal.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.SupplyOrigin;

/**
 * A channel for tests: quotes every line at 2.50 CNY, takes orders idempotently, serves its progress log by
 * cursor (the index of the next event), and can be told to hang until released.
 */
class FakeChannel implements Channel {
    final String id;
    final Set<ProgressMode> modes;
    final List<ProgressEvent> log = new CopyOnWriteArrayList<>();
    final Map<String, String> orders = new ConcurrentHashMap<>();
    final List<String> cursorsAsked = new CopyOnWriteArrayList<>();
    final AtomicInteger offersRead = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;
    volatile ChannelQuote cannedQuote;
    int pageSize = 2;

    FakeChannel(String id, ProgressMode... modes) {
        this.id = id;
        this.modes = modes.length == 0 ? Set.of(ProgressMode.PULL) : Set.of(modes);
    }

    private void maybeHang() {
        if (hang) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ChannelOffer offer() {
        offersRead.incrementAndGet();
        return new ChannelOffer("Fake " + id, Set.of(SupplyOrigin.DOMESTIC), "CNY",
                List.of(OfferLine.item("MASK-N95", "GB 19083-2010", 7, 100_000), OfferLine.category("PPE", 14, 5_000)), modes);
    }

    @Override
    public ChannelQuote quote(QuoteRequest request) throws ChannelException {
        maybeHang();
        if (cannedQuote != null) {
            return cannedQuote;
        }
        if (request.emergency() && id.startsWith("refusing")) {
            throw new ChannelException("no emergency capacity", false);
        }
        List<QuotedLine> lines = request.lines().stream().map(l -> new QuotedLine(l.lineRef(), l.quantity(),
                new BigDecimal("2.50"), LocalDate.now().plusDays(7))).toList();
        return new ChannelQuote("Q-" + request.requestRef(), "CNY", lines, Instant.now().plus(1, ChronoUnit.DAYS), null, null);
    }

    @Override
    public PlacedOrder place(ChannelOrder order) {
        maybeHang();
        return new PlacedOrder(orders.computeIfAbsent(order.orderRef(), k -> id.toUpperCase() + "-" + (orders.size() + 1)), null);
    }

    @Override
    public void cancel(String channelOrderRef, String reason) throws ChannelException {
        if (!orders.containsValue(channelOrderRef)) {
            throw new ChannelException("unknown order " + channelOrderRef, false);
        }
    }

    @Override
    public ProgressPage progress(String cursor) {
        maybeHang();
        cursorsAsked.add(String.valueOf(cursor));
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(log.size(), from + pageSize);
        return to == from ? ProgressPage.empty(cursor) : new ProgressPage(new ArrayList<>(log.subList(from, to)), String.valueOf(to));
    }
}
