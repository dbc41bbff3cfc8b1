package org.tongpao.procurement.internal.channels;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;
import org.tongpao.procurement.internal.ProcurementSchema;

/** The {@link ChannelGateway}: calls through the registry, answers checked against what was asked. */
@Component(service = {ChannelGateway.class, ChannelService.class})
public class ChannelService implements ChannelGateway {
    static final String LABEL = "Channel";

    private final ChannelRegistry registry;
    private final ProgressIntake intake;
    private final DataSource ds;

    @Activate
    public ChannelService(@Reference ChannelRegistry registry, @Reference ProgressIntake intake,
            @Reference(target = ProcurementSchema.READY) SchemaReady schema) {
        this.registry = registry;
        this.intake = intake;
        this.ds = schema.dataSource();
    }

    @Override
    public List<ChannelView> channels() {
        Map<String, ProgressStore.Seen> seen = new HashMap<>();
        Map<String, Long> kept = new HashMap<>();
        TreeSet<String> ids = new TreeSet<>(registry.ids());
        Transactions.read(ds, c -> {
            ProgressStore.seenAll(c).forEach(s -> seen.put(s.id(), s));
            ids.addAll(seen.keySet());
            for (String id : ids) {
                kept.put(id, ProgressStore.keptCount(c, id));
            }
            return null;
        });
        return ids.stream().map(id -> view(id, seen.get(id), kept.get(id))).toList();
    }

    @Override
    public ChannelView channel(String channelId) {
        Optional<ProgressStore.Seen> seen = Transactions.read(ds, c -> ProgressStore.seen(c, channelId));
        if (seen.isEmpty() && !registry.isPresent(channelId)) {
            throw new NotFoundException(LABEL, channelId);
        }
        long kept = Transactions.read(ds, c -> ProgressStore.keptCount(c, channelId));
        return view(channelId, seen.orElse(null), kept);
    }

    /** Whether Tongpao knows the channel: installed now, or seen before. */
    boolean isKnown(String channelId) {
        return registry.isPresent(channelId) || Transactions.read(ds, c -> ProgressStore.seen(c, channelId)).isPresent();
    }

    private ChannelView view(String id, ProgressStore.Seen seen, long kept) {
        ChannelOffer offer = null;
        String problem;
        boolean available = registry.isPresent(id);
        if (available) {
            try {
                offer = registry.offer(id);
                problem = registry.lastProblem(id).orElse(null);
            } catch (PartnerFailure f) {
                problem = f.getMessage();
                available = false;
            }
        } else {
            problem = "channel " + id + " is not installed";
        }
        String name = offer != null ? offer.name() : seen != null ? seen.name() : id;
        return new ChannelView(id, name, available, problem, offer, seen == null ? null : seen.polledAt(),
                seen == null ? null : seen.pollProblem(), kept);
    }

    @Override
    public ChannelQuote quote(String channelId, QuoteRequest request) throws PartnerFailure {
        ChannelQuote quote = registry.call(channelId, "quote", ch -> ch.quote(request));
        Map<String, Long> asked = new HashMap<>();
        for (RequestLine l : request.lines()) {
            asked.put(l.lineRef(), l.quantity());
        }
        for (QuotedLine l : quote.lines()) {
            Long quantity = asked.get(l.lineRef());
            if (quantity == null) {
                throw registry.broken(channelId, "quote", "line " + l.lineRef() + " was not asked for");
            }
            if (l.quantity() > quantity) {
                throw registry.broken(channelId, "quote", "line " + l.lineRef() + " offers " + l.quantity()
                        + ", more than the " + quantity + " asked");
            }
        }
        if (!quote.validUntil().isAfter(Instant.now())) {
            throw registry.broken(channelId, "quote", "the quote expired at " + quote.validUntil());
        }
        return quote;
    }

    @Override
    public PlacedOrder place(String channelId, ChannelOrder order) throws PartnerFailure {
        return registry.call(channelId, "place", ch -> ch.place(order));
    }

    @Override
    public void cancel(String channelId, String channelOrderRef, String reason) throws PartnerFailure {
        registry.call(channelId, "cancel", ch -> {
            ch.cancel(channelOrderRef, reason);
            return Boolean.TRUE;
        });
    }

    @Override
    public int applyKept(Connection c, String channelId, String channelOrderRef) throws Exception {
        return intake.applyKept(c, channelId, channelOrderRef);
    }
}
