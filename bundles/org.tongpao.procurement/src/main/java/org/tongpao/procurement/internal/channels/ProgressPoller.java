package org.tongpao.procurement.internal.channels;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.ConflictException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ProgressMode;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressSink;
import org.tongpao.procurement.internal.ProcurementSchema;

/**
 * Pulls progress from the PULL channels every {@code pollSeconds}, one channel after another on one daemon
 * thread: each call is bounded by the channel's time limit, so a hanging channel delays the others' pull by at
 * most that. Each page's events and the cursor after them are stored in one transaction. Every cycle also records
 * which channels are installed and offers kept progress to the orders again.
 */
@Component(service = ProgressPoller.class, configurationPid = ChannelRegistry.PID)
public class ProgressPoller {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressPoller.class);
    /** Pages pulled from one channel per poll at most, so that one busy channel does not hold the cycle. */
    static final int MAX_PAGES = 10;

    /** What one pull brought. */
    public record ChannelPoll(String channelId, int pages, int received, int accepted, String cursor) {
    }

    private final ChannelRegistry registry;
    private final ProgressIntake intake;
    private final DataSource ds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tongpao-channel-poller");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> schedule;

    @Activate
    public ProgressPoller(@Reference ChannelRegistry registry, @Reference ProgressIntake intake,
            @Reference(target = ProcurementSchema.READY) SchemaReady schema, ChannelsConfig config) {
        this.registry = registry;
        this.intake = intake;
        this.ds = schema.dataSource();
        configure(config);
    }

    @Modified
    synchronized void configure(ChannelsConfig config) {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        if (config.pollSeconds() > 0) {
            schedule = timer.scheduleWithFixedDelay(this::cycle, config.pollSeconds(), config.pollSeconds(), TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** One round: every installed channel recorded, every PULL channel pulled, kept progress offered again. */
    void cycle() {
        try {
            for (String id : registry.ids()) {
                try {
                    if (offer(id).progress().contains(ProgressMode.PULL)) {
                        poll(id);
                    }
                } catch (PartnerFailure f) {
                    LOG.debug("Channel '{}' not pulled: {}", id, f.getMessage());
                }
            }
            intake.sweep();
        } catch (RuntimeException e) {
            // the next round tries again; the schedule must not die with this one
            LOG.warn("Polling channel progress failed", e);
        }
    }

    /** The channel's offer, recording that it is installed under its name. */
    private ChannelOffer offer(String id) throws PartnerFailure {
        ChannelOffer offer = registry.offer(id);
        Transactions.write(ds, "channel seen", c -> {
            ProgressStore.seen(c, id, offer.name(), intake.now());
            return null;
        });
        return offer;
    }

    /** Pulls one channel now (up to {@link #MAX_PAGES} pages); 409 for a channel that reports by push only. */
    public ChannelPoll poll(String id) throws PartnerFailure {
        if (!offer(id).progress().contains(ProgressMode.PULL)) {
            throw new ConflictException("Channel " + id + " reports its progress by push only");
        }
        String cursor = Transactions.read(ds, c -> ProgressStore.seen(c, id)).map(ProgressStore.Seen::cursor).orElse(null);
        int pages = 0;
        int received = 0;
        int accepted = 0;
        while (pages < MAX_PAGES) {
            String from = cursor;
            ProgressPage page;
            try {
                page = registry.call(id, "progress", ch -> ch.progress(from));
            } catch (PartnerFailure f) {
                Transactions.write(ds, "channel poll failed", c -> {
                    ProgressStore.polled(c, id, from, f.getMessage(), intake.now());
                    return null;
                });
                throw f;
            }
            String next = Optional.ofNullable(page.nextCursor()).orElse(from);
            accepted += Transactions.write(ds, "channel progress pulled", c -> {
                int n = intake.acceptOn(c, id, page.events(), ProgressStore.Source.PULL);
                ProgressStore.polled(c, id, next, null, intake.now());
                return n;
            });
            pages++;
            received += page.events().size();
            cursor = next;
            if (page.events().size() < ProgressSink.MAX_EVENTS || next == null || next.equals(from)) {
                break;
            }
        }
        return new ChannelPoll(id, pages, received, accepted, cursor);
    }
}
