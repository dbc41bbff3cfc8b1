package org.tongpao.federation.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.RetryLater;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.Federation;
import org.tongpao.federation.Message;
import org.tongpao.federation.MessageHandler;

/**
 * Applies arriving messages exactly once: each in its own {@link Transactions#enclosing} transaction with its
 * inbox row (a redelivery finds the row and changes nothing), so a big backlog holds no lock for long. A message
 * whose sender is not the link's node is refused and audited; one without a handler (or with a newer major) is
 * parked with its raw envelope; a handler that throws has its effect rolled back and its message parked as FAILED.
 * Errors of this node's own database are thrown: the message stays unacknowledged and comes again.
 */
final class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    static final String AUDIT_ENTITY = "federation-message";
    /** The longest raw envelope kept (its column's size): a longer one is refused, never stuck in the queue. */
    static final int MAX_PAYLOAD = 32_600;
    /** The longest message id (its column's size). */
    static final int MAX_ID = 80;
    private static final int MAX_AUDIT_ID = 64;

    /** What became of a message. */
    enum Outcome { APPLIED, DUPLICATE, PARKED, REFUSED }

    private final DataSource ds;
    private final Handlers handlers;
    private final AuditTrail audit;
    private final String self;
    private final Clock clock;
    private final LinkActivity activity;
    /** Told the type of a message parked for want of a handler when one has registered meanwhile (see below). */
    private volatile Consumer<String> handlerArrivedMeanwhile = type -> { };

    Inbox(DataSource ds, Handlers handlers, AuditTrail audit, String self, Clock clock, LinkActivity activity) {
        this.ds = ds;
        this.handlers = handlers;
        this.audit = audit;
        this.self = self;
        this.clock = clock;
        this.activity = activity;
    }

    /**
     * A park for want of a handler commits after its handler may have registered, and the registration's retry
     * (which reads the committed parked rows) may have run before that commit: the message would stay parked for
     * ever. So after each such commit the handlers are asked again and, if one is there now, {@code listener} retries
     * the type.
     */
    void onHandlerArrivedMeanwhile(Consumer<String> listener) {
        this.handlerArrivedMeanwhile = listener;
    }

    /** After the commit that parked {@code unhandled}: retry those whose handler has registered meanwhile. */
    private void recheck(List<Message> unhandled) {
        unhandled.stream().filter(m -> handlers.find(m.type(), major(m)).handler() != null).map(Message::type)
                .distinct().forEach(type -> handlerArrivedMeanwhile.accept(type));
    }

    /** A message ready to apply: readable, from the link's node, to this one. */
    private record Admitted(Envelope.Received received, String raw, Instant arrived) {
    }

    /** A message that arrived on the link of node {@code link} (its raw envelope). */
    Outcome receive(String link, String raw) {
        Admitted a = admit(link, raw);
        return a == null ? Outcome.REFUSED : apply(link, a.received(), raw, false, a.arrived());
    }

    /**
     * Messages that arrived together on the link of {@code link}, applied in one transaction (one commit for the
     * group: what a backlog needs) when every handler succeeds; when one fails, the group's transaction is rolled
     * back whole and its messages applied one transaction each, so the failing one alone is parked.
     */
    void receiveAll(String link, List<String> raws) {
        List<Admitted> admitted = new ArrayList<>(raws.size());
        for (String raw : raws) {
            Admitted a = admit(link, raw);
            if (a != null) {
                admitted.add(a);
            }
        }
        if (admitted.size() > 1) {
            List<Message> unhandled = new ArrayList<>();
            try {
                Transactions.enclosing(ds, "federation inbox, " + admitted.size() + " messages", c -> {
                    for (Admitted a : admitted) {
                        applyIn(c, link, a.received(), a.raw(), false, a.arrived(), unhandled);
                    }
                    return null;
                });
                recheck(unhandled);
                return;
            } catch (HandlerFailed | DataAccessException e) {
                if (e instanceof DataAccessException d && !Sql.isUniqueViolation(d)) {
                    throw d;
                }
                LOG.debug("A group of {} messages from {} failed; applying them one by one", admitted.size(), link);
            }
        }
        for (Admitted a : admitted) {
            apply(link, a.received(), a.raw(), false, a.arrived());
        }
    }

    /** Reads and checks a message; refuses (and returns null for) one that cannot or must not apply. */
    private Admitted admit(String link, String raw) {
        if (raw.length() > MAX_PAYLOAD) {
            refuse(link, unreadableId(link, raw), "?", "?", raw.substring(0, MAX_PAYLOAD),
                    "larger than " + MAX_PAYLOAD + " characters");
            return null;
        }
        Envelope.Received received;
        try {
            received = Envelope.read(raw);
        } catch (Envelope.MalformedEnvelopeException e) {
            refuse(link, unreadableId(link, raw), "?", "?", raw, e.getMessage());
            return null;
        }
        Message m = received.message();
        Instant arrived = now();
        activity.received(link, arrived, received.queuedAt());
        String problem = m.id().length() > MAX_ID ? "id longer than " + MAX_ID
                : !m.from().equals(link) ? "from " + m.from() + " on the link of " + link
                : !m.to().equals(self) ? "to " + m.to() + ", but this node is " + self : null;
        if (problem != null) {
            refuse(link, m.id().length() > MAX_ID ? unreadableId(link, raw) : m.id(), m.type(), m.version(), raw,
                    problem);
            return null;
        }
        return new Admitted(received, raw, arrived);
    }

    /** Applies a parked message again (its raw envelope, from the link it arrived on). */
    Outcome retry(String link, String raw) {
        return apply(link, Envelope.read(raw), raw, true, now());
    }

    /** Applies (or parks) one message in a transaction of its own; {@code arrived}: the inbox row's received_at. */
    private Outcome apply(String link, Envelope.Received received, String raw, boolean retry, Instant arrived) {
        Message m = received.message();
        try {
            List<Message> unhandled = new ArrayList<>(1);
            Outcome outcome = Transactions.enclosing(ds, "federation inbox " + m.type(),
                    c -> applyIn(c, link, received, raw, retry, arrived, unhandled));
            recheck(unhandled);
            return outcome;
        } catch (HandlerFailed e) {
            LOG.warn("Message {} ({}) failed on {}: parked", m.id(), m.type(), self, e.getCause());
            Transactions.write(ds, "federation park", c -> {
                park(c, link, m, raw, ParkReason.FAILED, describe(e.getCause()), retry, now());
                return null;
            });
            return Outcome.PARKED;
        } catch (DataAccessException e) {
            if (Sql.isUniqueViolation(e)) {
                // another thread (a retry, a redelivery) applied it first: its inbox row won
                return Outcome.DUPLICATE;
            }
            throw e;
        }
    }

    /** The work of one message inside the enclosing transaction on {@code c}. */
    private Outcome applyIn(Connection c, String link, Envelope.Received received, String raw, boolean retry,
            Instant arrived, List<Message> unhandled) throws SQLException {
        Message m = received.message();
        Instant now = now();
        if (InboxRows.applied(c, m.id())) {
            if (retry) {
                ParkedRows.resolve(c, m.id(), now);
            }
            return Outcome.DUPLICATE;
        }
        Handlers.Lookup lookup = handlers.find(m.type(), major(m));
        if (lookup.handler() == null) {
            park(c, link, m, raw, lookup.missing(), "no handler of " + m.type() + " for version " + m.version()
                    + " on " + self, retry, now);
            if (!retry) {
                unhandled.add(m);
            }
            return Outcome.PARKED;
        }
        applyWith(lookup.handler(), m, caller(link, m.id()));
        InboxRows.insert(c, m, link, received.queuedAt(), arrived);
        // a parked message may also come again from the broker (redelivered) once its handler is there
        ParkedRows.resolve(c, m.id(), now);
        return Outcome.APPLIED;
    }

    /**
     * Runs the handler; what it throws (other than a transient lock failure, retried whole, or a retry-later
     * failure, left unacknowledged and retried in place) is its failure.
     */
    private static void applyWith(MessageHandler handler, Message m, Caller sender) {
        try {
            handler.apply(m, sender);
        } catch (DataAccessException e) {
            // a lock, or a forwarder not bound yet (the node starting): not the message's fault, retried in place
            if (Sql.isTransientLock(e) || e instanceof RetryLater) {
                throw e;
            }
            throw new HandlerFailed(e);
        } catch (Exception e) {
            throw new HandlerFailed(e);
        }
    }

    /**
     * Parks a refused message under its id when that id is the link's own ({@code <link>/…}), else under
     * {@code <link>!<id>}: a spoofed id never takes the place of the real sender's message in the parked table.
     */
    private Outcome refuse(String link, String claimedId, String type, String version, String raw, String reason) {
        String key = claimedId.startsWith(link + "/") ? claimedId : link + "!" + claimedId;
        String id = key.length() <= MAX_ID ? key : unreadableId(link, raw + claimedId);
        LOG.warn("Refused message {} on the link of {}: {}", id, link, reason);
        Transactions.write(ds, "federation refuse", c -> {
            if (ParkedRows.park(c, id, link, type, version, raw, ParkReason.REFUSED, reason, now())) {
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("link", link);
                what.put("type", type);
                what.put("reason", reason);
                what.put("parkedAs", id);
                audit.record(c, caller(link, id), AUDIT_ENTITY, ParkedRows.cut(claimedId, MAX_AUDIT_ID), "REFUSED",
                        null, what);
            }
            return null;
        });
        return Outcome.REFUSED;
    }

    private static void park(Connection c, String link, Message m, String raw, ParkReason reason, String error,
            boolean retry, Instant now) throws SQLException {
        if (retry) {
            ParkedRows.failedAgain(c, m.id(), reason, error, now);
        } else {
            ParkedRows.park(c, m.id(), link, m.type(), m.version(), raw, reason, error, now);
        }
    }

    /**
     * The caller a link's messages act as: at central a province's officer ({@code node:province:42}, scope 42); at a
     * province central, as the ministry. The request id is the message id (the audit trail ties rows to it).
     */
    static Caller caller(String link, String messageId) {
        return Nodes.provinceCode(link)
                .map(code -> new Caller("node:" + link, Set.of(Roles.PROVINCE_OFFICER, Roles.PROVINCE_SCOPE_PREFIX + code),
                        code, null, messageId))
                .orElseGet(() -> new Caller("node:" + Federation.CENTRAL, Set.of(Roles.MINISTRY_ADMIN), null, null,
                        messageId));
    }

    /** The id to park an unreadable (or unusable) message under: its own when usable, else one made from it. */
    private static String unreadableId(String link, String raw) {
        String id = raw.length() > MAX_PAYLOAD ? null : Envelope.idOf(raw);
        return id != null && id.length() <= MAX_ID ? id
                : link + "/refused-" + UUID.nameUUIDFromBytes(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int major(Message m) {
        try {
            return m.major();
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** A handler's own failure, carried out of the enclosing transaction (which it rolled back). */
    private static final class HandlerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailed(Throwable cause) {
            super(cause);
        }
    }
}
