package org.tongpao.procurement.internal.channels;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.internal.ProcurementSchema;

/**
 * Progress from every source onto the orders: each (channel, event id) is stored once, then offered to the
 * orders code ({@link ChannelProgressListener}) in the same transaction. An event no order takes yet is kept,
 * never dropped, and offered again when its order reference is stored ({@link #applyKept}) and on every poll
 * ({@link #sweep}).
 */
// The orders' listener is looked up when an event is offered, not bound at activation: it needs the procurement
// service, which needs the gateway, which needs this intake — binding it eagerly is a cycle SCR cannot close.
@Component(service = ProgressIntake.class, reference = @Reference(name = ProgressIntake.LISTENER,
        service = ChannelProgressListener.class, cardinality = ReferenceCardinality.OPTIONAL,
        policy = ReferencePolicy.DYNAMIC))
public class ProgressIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressIntake.class);
    /** Kept events offered again per sweep. */
    static final int SWEEP_LIMIT = 200;
    static final String LISTENER = "listener";

    private final DataSource ds;
    private final ComponentContext context;
    private volatile Clock clock = Clock.systemUTC();

    /** Set by tests; in OSGi the listener is looked up through the component context. */
    volatile ChannelProgressListener listener;

    @Activate
    public ProgressIntake(@Reference(target = ProcurementSchema.READY) SchemaReady schema, ComponentContext context) {
        this.ds = schema.dataSource();
        this.context = context;
    }

    ProgressIntake(SchemaReady schema) {
        this(schema, null);
    }

    private ChannelProgressListener listener() {
        ChannelProgressListener l = listener;
        return l != null || context == null ? l : (ChannelProgressListener) context.locateService(LISTENER);
    }

    void clock(Clock c) {
        this.clock = c;
    }

    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Stores and applies events in one transaction; returns how many were new. */
    int accept(String channelId, List<ProgressEvent> events, ProgressStore.Source source) {
        return Transactions.write(ds, "channel progress", c -> acceptOn(c, channelId, events, source));
    }

    /** As {@link #accept}, on the caller's transaction (a pull stores its cursor with the events). */
    int acceptOn(Connection c, String channelId, List<ProgressEvent> events, ProgressStore.Source source) throws Exception {
        Instant now = now();
        int fresh = 0;
        for (ProgressEvent e : events) {
            Optional<Long> id = ProgressStore.insert(c, channelId, e, source, now);
            if (id.isPresent()) {
                fresh++;
                offer(c, id.get(), channelId, e, now);
            }
        }
        return fresh;
    }

    /** Offers the kept events of one order reference again; returns how many applied. */
    int applyKept(Connection c, String channelId, String channelOrderRef) throws Exception {
        int applied = 0;
        for (ProgressStore.Kept k : ProgressStore.kept(c, channelId, channelOrderRef)) {
            applied += offer(c, k.id(), channelId, k.event(), now()) ? 1 : 0;
        }
        return applied;
    }

    /** Offers the oldest kept events again (an order stored without {@link #applyKept}); returns how many applied. */
    int sweep() {
        return Transactions.write(ds, "kept channel progress", c -> {
            int applied = 0;
            for (ProgressStore.Kept k : ProgressStore.oldestKept(c, SWEEP_LIMIT)) {
                applied += offer(c, k.id(), k.channelId(), k.event(), now()) ? 1 : 0;
            }
            return applied;
        });
    }

    /**
     * Hands one stored event to the orders code under a savepoint: applied, it is marked so; no order for it, it
     * stays kept; refused with an exception, only the listener's work is rolled back and the reason recorded.
     */
    private boolean offer(Connection c, long id, String channelId, ProgressEvent e, Instant now) throws Exception {
        ChannelProgressListener l = listener();
        if (l == null) {
            return false;
        }
        Savepoint sp = c.setSavepoint();
        try {
            if (l.apply(c, channelId, e)) {
                ProgressStore.applied(c, id, now);
                return true;
            }
            return false;
        } catch (Exception ex) {
            if (Sql.isTransientLock(ex)) {
                throw ex; // the whole transaction runs again
            }
            c.rollback(sp);
            LOG.warn("Progress {} of channel '{}' for order {} kept: the order refused it", e.eventId(), channelId,
                    e.channelOrderRef(), ex);
            ProgressStore.refused(c, id, String.valueOf(ex.getMessage()));
            return false;
        }
    }
}
