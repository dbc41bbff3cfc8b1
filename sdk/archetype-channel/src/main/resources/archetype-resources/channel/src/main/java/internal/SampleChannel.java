package ${package}.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
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

/**
 * ${channelName} as a Tongpao procurement channel ({@code tongpao.channel.id=${channelId}}). This sample keeps
 * its orders in memory and confirms each at once, so that it passes the testkit's contract as generated:
 * replace each method's body with calls to your own order system, keep each call below Tongpao's 5 s limit
 * (give your HTTP client a timeout), and throw {@link ChannelException} — retryable when trying again later
 * may work — for every failure.
 */
@Component(service = Channel.class, property = Channel.ID_PROPERTY + "=${channelId}")
public final class SampleChannel implements Channel {
    /** Catalogue category supplied (Tongpao's codes, e.g. MASK), days to delivery, pieces a week. */
    private static final ChannelOffer OFFER = new ChannelOffer("${channelName}", Set.of(SupplyOrigin.DOMESTIC), "CNY",
            List.of(OfferLine.category("MASK", 7, 500_000)), Set.of(ProgressMode.PULL));
    private static final BigDecimal UNIT_PRICE = new BigDecimal("2.50");

    /** Tongpao's order reference → this channel's; the key that makes {@link #place} idempotent. */
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    /** Every progress event, oldest first; the cursor is the number of events already read. */
    private final List<ProgressEvent> log = new ArrayList<>();

    @Override
    public ChannelOffer offer() {
        return OFFER;
    }

    @Override
    public ChannelQuote quote(QuoteRequest request) throws ChannelException {
        LocalDate by = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        List<QuotedLine> lines = new ArrayList<>();
        request.lines().forEach(l -> lines.add(new QuotedLine(l.lineRef(), l.quantity(), UNIT_PRICE, by)));
        return new ChannelQuote("Q-" + request.requestRef(), "CNY", lines, Instant.now().plus(Duration.ofHours(24)),
                null, null);
    }

    @Override
    public PlacedOrder place(ChannelOrder order) throws ChannelException {
        String own = orders.computeIfAbsent(order.orderRef(), ref -> {
            String number = "${channelId.toUpperCase()}-" + (orders.size() + 1);
            // SPI 1.2: the order carries who approved it at Tongpao (and an emergency's justification)
            String approvedBy = order.approvals().stream().map(a -> a.approver()).collect(Collectors.joining(", "));
            synchronized (log) {
                log.add(new ProgressEvent("E-" + (log.size() + 1), number, ProgressStatus.CONFIRMED, Instant.now(),
                        null, null, null, List.of(), approvedBy.isEmpty() ? null : "confirmed; approved by " + approvedBy));
            }
            return number;
        });
        return new PlacedOrder(own, null);
    }

    @Override
    public void cancel(String channelOrderRef, String reason) throws ChannelException {
        if (!orders.containsValue(channelOrderRef)) {
            throw new ChannelException("no order " + channelOrderRef, false);
        }
    }

    @Override
    public ProgressPage progress(String cursor) throws ChannelException {
        int read = cursor == null ? 0 : Integer.parseInt(cursor);
        synchronized (log) {
            if (read >= log.size()) {
                return ProgressPage.empty(cursor);
            }
            return new ProgressPage(List.copyOf(log.subList(read, log.size())), Integer.toString(log.size()));
        }
    }
}
