package org.example.jinghua.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;

/**
 * Jinghua Protective Products, a mask factory, as a Tongpao procurement channel
 * ({@code tongpao.channel.id=jinghua}). Every call is one or a few HTTP calls to the factory's order API with
 * the configured time limit, below Tongpao's. Progress is PULL (the factory's numbered notices, the notice
 * number as cursor) and PUSH (the factory's own webhooks to Tongpao's REST endpoint).
 */
@Component(service = Channel.class, configurationPid = "org.example.jinghua",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Channel.ID_PROPERTY + "=jinghua")
@Designate(ocd = JinghuaConfig.class)
public final class JinghuaChannel implements Channel {
    private static final Logger LOG = LoggerFactory.getLogger(JinghuaChannel.class);
    /** Notices asked for per progress call (the factory's own maximum). */
    static final int PAGE = 100;

    private volatile FactoryClient factory;

    @Activate
    public JinghuaChannel(JinghuaConfig config) {
        this(FactoryClient.of(config));
        LOG.info("Jinghua channel talks to {} (time limit {} ms)", config.baseUrl(), config.timeoutMillis());
    }

    JinghuaChannel(FactoryClient factory) {
        this.factory = factory;
    }

    @Modified
    void modified(JinghuaConfig config) {
        factory = FactoryClient.of(config);
        LOG.info("Jinghua channel now talks to {} (time limit {} ms)", config.baseUrl(), config.timeoutMillis());
    }

    @Override
    public ChannelOffer offer() {
        return Catalogue.OFFER;
    }

    /**
     * One quotation per line Jinghua makes; a line it does not make, or below its minimum order, is left out
     * (its reason goes into the note). None left is a refusal.
     */
    @Override
    public ChannelQuote quote(QuoteRequest request) throws ChannelException {
        FactoryClient c = factory;
        List<QuotedLine> lines = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Instant validUntil = null;
        for (RequestLine line : request.lines()) {
            String sku = Catalogue.sku(line.itemCode()).orElse(null);
            if (sku == null) {
                leftOut.add(line.lineRef() + ": Jinghua does not make " + line.itemCode());
                continue;
            }
            ObjectNode body = c.object().put("sku", sku).put("quantity", line.quantity());
            JsonNode q;
            try {
                q = c.post("v1/quotations", body, "the quotation for line " + line.lineRef());
            } catch (ChannelException e) {
                if (e.isRetryable()) {
                    throw e;
                }
                leftOut.add(line.lineRef() + ": " + e.getMessage());
                continue;
            }
            QuotedLine quoted = read("quotation", () -> new QuotedLine(line.lineRef(), q.path("quantity").asLong(),
                    new BigDecimal(q.path("unitPrice").asText()),
                    LocalDate.parse(q.path("earliestDispatch").asText()).plusDays(Catalogue.TRANSIT_DAYS)));
            lines.add(quoted);
            numbers.add(q.path("quotationNo").asText());
            Instant until = read("quotation", () -> Instant.parse(q.path("validUntil").asText()));
            validUntil = validUntil == null || until.isBefore(validUntil) ? until : validUntil;
        }
        if (lines.isEmpty()) {
            throw new ChannelException("Jinghua can quote none of the lines: " + String.join("; ", leftOut), false);
        }
        String note = "Jinghua quotations " + String.join(", ", numbers)
                + (leftOut.isEmpty() ? "" : "; not quoted: " + String.join("; ", leftOut));
        Instant until = validUntil;
        return read("quotation", () -> new ChannelQuote(numbers.get(0), "CNY", lines, until, null, shorten(note)));
    }

    /** Jinghua is idempotent per buyerReference: placing Tongpao's order again answers the first order. */
    @Override
    public PlacedOrder place(ChannelOrder order) throws ChannelException {
        if (!"CNY".equals(order.currency())) {
            throw new ChannelException("Jinghua sells in CNY only, not " + order.currency(), false);
        }
        FactoryClient c = factory;
        ObjectNode body = c.object();
        body.put("buyerReference", order.orderRef());
        ArrayNode lines = body.putArray("lines");
        for (OrderLine line : order.lines()) {
            String sku = Catalogue.sku(line.itemCode()).orElseThrow(() -> new ChannelException(
                    "Jinghua does not make " + line.itemCode() + " (line " + line.lineRef() + ")", false));
            lines.addObject().put("buyerLine", line.lineRef()).put("sku", sku).put("quantity", line.quantity());
        }
        body.put("deliverTo", order.deliverTo());
        body.put("province", order.deliverToProvince());
        // SPI 1.2: who approved the order at Tongpao, and an emergency purchase's justification, for the factory's file
        if (!order.approvals().isEmpty()) {
            body.put("approvedBy", order.approvals().stream().map(a -> a.approver() + " (" + a.role() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        body.put("justification", order.justification());
        order.lines().stream().map(OrderLine::promisedDate).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .ifPresent(d -> body.put("deliverBy", d.toString()));
        JsonNode placed = c.post("v1/orders", body, "order " + order.orderRef());
        return read("order", () -> new PlacedOrder(placed.path("orderNo").asText(null),
                "Jinghua order " + placed.path("orderNo").asText() + " is " + placed.path("state").asText()));
    }

    @Override
    public void cancel(String channelOrderRef, String reason) throws ChannelException {
        FactoryClient c = factory;
        c.post("v1/orders/" + FactoryClient.path(channelOrderRef) + "/cancel", c.object().put("reason", reason),
                "cancelling " + channelOrderRef);
    }

    /** The factory's notices after the cursor (its last notice number), at most {@value #PAGE}. */
    @Override
    public ProgressPage progress(String cursor) throws ChannelException {
        long after;
        try {
            after = cursor == null ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new ChannelException("cursor " + cursor + " is not one of Jinghua's notice numbers", false, e);
        }
        JsonNode page = factory.get("v1/notices?after=" + after + "&limit=" + PAGE, "the notices after " + after);
        return read("notices", () -> {
            List<ProgressEvent> events = new ArrayList<>();
            for (JsonNode n : page.path("notices")) {
                Notices.event(n).ifPresent(events::add);
            }
            long last = page.path("last").asLong(after);
            // a page of notices Tongpao does not track (cancellations) still moves the cursor on
            return events.isEmpty() && last == after ? ProgressPage.empty(cursor)
                    : new ProgressPage(events, Long.toString(last));
        });
    }

    private static String shorten(String note) {
        return note.length() <= 1000 ? note : note.substring(0, 997) + "...";
    }

    private interface Reader<T> {
        T read();
    }

    /** An answer Tongpao's value types refuse is Jinghua's fault, not a reason to retry. */
    private static <T> T read(String what, Reader<T> reader) throws ChannelException {
        try {
            return reader.read();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ChannelException("Jinghua answered an invalid " + what + ": " + e.getMessage(), false, e);
        }
    }
}
