package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.federation.Federation;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.MessageHandler;

/**
 * This node's federation: {@link Federation} (the outbox), {@link LedgerOwners} (from the configured provinces),
 * the operators' {@link FederationAdmin}, and — when a broker is configured — the running links (relay and
 * consumers). A configuration change restarts the links; the services stay registered.
 */
@Component(service = {Federation.class, LedgerOwners.class, FederationAdmin.class},
        configurationPid = FederationComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FederationConfig.class)
public final class FederationComponent implements Federation, LedgerOwners, FederationAdmin {
    public static final String PID = "org.tongpao.federation";
    private static final Logger LOG = LoggerFactory.getLogger(FederationComponent.class);

    private final DataSource ds;
    private final String self;
    private final Clock clock;
    private final Handlers handlers = new Handlers();
    private final LinkActivity activity = new LinkActivity();
    private final Inbox inbox;
    private final ParkedRetries retries;
    private final InboxRetention retention;
    private volatile Settings settings;
    private volatile Topology topology;
    private volatile LinkRuntime runtime;

    @Activate
    public FederationComponent(@Reference(target = "(" + SchemaReady.PROPERTY + "=" + FederationSchema.NAME + ")")
            SchemaReady schema, @Reference NodeIdentity node, @Reference AuditTrail audit, FederationConfig config) {
        this(schema.dataSource(), node.id(), audit, Settings.of(config), Clock.systemUTC());
    }

    /** For tests: the node {@code self}, its settings and clock. */
    FederationComponent(DataSource ds, String self, AuditTrail audit, Settings settings, Clock clock) {
        this.ds = ds;
        this.self = self;
        this.clock = clock;
        this.inbox = new Inbox(ds, handlers, audit, self, clock, activity);
        this.retries = new ParkedRetries(ds, inbox, handlers);
        inbox.onHandlerArrivedMeanwhile(retries::retryType);
        this.retention = new InboxRetention(ds, handlers, clock, () -> this.settings.keepInboxDays());
        OutboxStart.ensure(ds, clock);
        apply(settings);
    }

    @Modified
    void modified(FederationConfig config) {
        apply(Settings.of(config));
    }

    @Deactivate
    void deactivate() {
        stopLinks();
        retries.close();
    }

    private synchronized void apply(Settings next) {
        stopLinks();
        settings = next;
        topology = new Topology(self, Topology.central(self) ? next.provinces() : java.util.Set.of());
        if (next.configured()) {
            LinkRuntime started = new LinkRuntime(ds, topology, next, inbox, clock, activity, retention);
            started.start();
            runtime = started;
        } else {
            LOG.info("Federation of {}: no broker configured; messages wait in the outbox", self);
        }
    }

    private void stopLinks() {
        LinkRuntime running = runtime;
        runtime = null;
        if (running != null) {
            running.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(MessageHandler handler, Map<String, Object> properties) {
        String type = handlers.add(handler, properties);
        if (type != null) {
            LOG.info("Message handler for {} registered", type);
            retries.retryType(type);
        }
    }

    void removeHandler(MessageHandler handler, Map<String, Object> properties) {
        handlers.remove(handler, properties);
    }

    @Override
    public String send(Connection connection, String to, String type, String version, Instant occurredAt,
            Map<String, ?> body) {
        topology.checkRecipient(to);
        Nodes.checkType(type);
        Nodes.checkVersion(version);
        if (occurredAt == null) {
            throw new IllegalArgumentException("occurredAt is required");
        }
        String json = Envelope.body(body);
        if (json.length() > Envelope.MAX_BODY) {
            throw new IllegalArgumentException("A message body is at most " + Envelope.MAX_BODY
                    + " characters of JSON; " + type + " has " + json.length() + ": split it");
        }
        long id;
        try {
            id = OutboxRows.insert(connection, to, type, version, occurredAt, json, now());
        } catch (SQLException e) {
            throw new DataAccessException("Queueing " + type + " to " + to + " failed: " + e.getMessage(), e);
        }
        try {
            Transactions.afterCommit(this::wakeRelay);
        } catch (IllegalStateException outsideTransactions) {
            // a connection not run by Transactions: the relay finds the row at its next poll
            LOG.debug("send outside Transactions: the relay finds {} at its next poll", id);
        }
        return self + "/" + id;
    }

    private void wakeRelay() {
        LinkRuntime running = runtime;
        if (running != null) {
            running.wakeRelay();
        }
    }

    @Override
    public List<String> provinceNodes() {
        return topology.provinceNodes();
    }

    @Override
    public List<LinkStatus> links() {
        LinkRuntime running = runtime;
        boolean connected = running != null && running.connected();
        return Transactions.read(ds, c -> {
            // counts for a status page: never wait on (Derby's locks of) the rows users are writing right now
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try {
                List<LinkStatus> out = new ArrayList<>();
                for (Topology.Link link : topology.links()) {
                    out.add(LinkStats.of(c, link.node(), connected, activity));
                }
                return out;
            } finally {
                c.setTransactionIsolation(isolation);
            }
        });
    }

    @Override
    public Optional<String> remoteOwner(String provinceCode) {
        return topology.remoteOwner(provinceCode);
    }

    @Override
    public FederationStatus status(Caller caller) {
        checkSees(caller);
        LinkRuntime running = runtime;
        String state = running == null ? FederationStatus.NOT_CONFIGURED
                : running.connected() ? FederationStatus.CONNECTED : FederationStatus.DISCONNECTED;
        List<LinkStatus> visible = links().stream().filter(l -> sees(caller, l.node())).toList();
        return new FederationStatus(self, settings.configured() ? settings.broker() : null, state,
                running == null ? null : running.problem(), visible);
    }

    @Override
    public Page<ParkedMessage> parked(Caller caller, String link, String type, ParkReason reason, Boolean resolved,
            int limit, String cursor) {
        checkSees(caller);
        String only = link;
        if (!seesAll(caller)) {
            String own = ownLink(caller);
            if (link != null && !link.equals(own)) {
                throw new AccessDeniedException("A province officer sees only the parked messages of its own link");
            }
            only = own;
        }
        ParkedRows.Filter filter = new ParkedRows.Filter(only, type, reason, resolved);
        return Transactions.read(ds, c -> ParkedRows.page(c, filter, limit, cursor));
    }

    @Override
    public ParkedMessage retry(Caller caller, long seq) {
        ParkedMessage p = retries.find(seq);
        boolean ministry = caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.MINISTRY_OFFICER);
        if (!ministry && !(caller.hasRole(Roles.PROVINCE_OFFICER) && p.link().equals(ownLink(caller)))) {
            throw new AccessDeniedException("Retrying a parked message needs the ministry, or the officer of its link");
        }
        return retries.retry(seq);
    }

    /** The inbox's retention (tests run it with their clock). */
    InboxRetention retention() {
        return retention;
    }

    /** The relay, while links run (tests wait on its passes). */
    Relay relay() {
        LinkRuntime running = runtime;
        return running == null ? null : running.relay();
    }

    private void checkSees(Caller caller) {
        if (!seesAll(caller) && ownLink(caller) == null) {
            throw new AccessDeniedException("Federation status is for the ministry, auditors and province officers");
        }
    }

    private static boolean seesAll(Caller caller) {
        return caller.isMinistry() || caller.hasRole(Roles.AUDITOR);
    }

    private boolean sees(Caller caller, String linkNode) {
        return seesAll(caller) || linkNode.equals(ownLink(caller));
    }

    /**
     * A province officer's own link: at central the link of its province's node; at its province's node the link to
     * central; null for anyone else.
     */
    private String ownLink(Caller caller) {
        if (!caller.hasRole(Roles.PROVINCE_OFFICER) || caller.provinceCode() == null) {
            return null;
        }
        if (topology.central()) {
            return Nodes.province(caller.provinceCode());
        }
        return self.equals(Nodes.province(caller.provinceCode())) ? CENTRAL : null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
