package org.tongpao.transport.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentReturn;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TrackingReceipt;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.UnmatchedEvent;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/**
 * Tracking from every source (staff, a partner account over REST, a carrier's bundle, the watch's pulls) onto the
 * timeline. A push for a waybill Tongpao does not know yet is kept (never dropped) until a booking's answer brings
 * that waybill (a courier's webhook may overtake it, a booking answer lost to a timeout may come with a retry); the
 * partner is told it was accepted for later matching, and operators and the partner can list what still waits.
 */
final class TrackingIntake {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingIntake.class);
    static final int MAX_EVENTS = 500;
    /** Events one carrier may have waiting for their bookings: beyond that a push of unknown waybills is refused. */
    static final int MAX_UNMATCHED_PER_CARRIER = 10_000;

    private final TransportContext ctx;
    private final Scope scope;
    /** Bookings being made right now, per carrier: while there are some, pushes for unknown waybills are parked. */
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    TrackingIntake(TransportContext ctx, Scope scope) {
        this.ctx = ctx;
        this.scope = scope;
    }

    void bookingStarted(String carrierId) {
        inFlight.computeIfAbsent(carrierId, k -> new AtomicInteger()).incrementAndGet();
    }

    void bookingEnded(String carrierId) {
        inFlight.get(carrierId).decrementAndGet();
    }

    private int bookingsInFlight(String carrierId) {
        AtomicInteger n = inFlight.get(carrierId);
        return n == null ? 0 : n.get();
    }

    /** Tracking entered by staff for one shipment: every event must carry its waybill. */
    TrackingReceipt record(Caller caller, long id, List<TrackingEvent> events) {
        ShipmentRow r = scope.writable(caller, id);
        if (r.waybill() == null) {
            throw new ConflictException("Shipment " + r.number() + " has no waybill yet");
        }
        checkCount(events);
        for (int i = 0; i < events.size(); i++) {
            if (!r.waybill().equals(events.get(i).waybill())) {
                throw new ValidationException("events[" + i + "].waybill", "the shipment's waybill is " + r.waybill());
            }
        }
        return apply(r.id(), events, "STAFF", caller.user(), caller.requestId());
    }

    /** Tracking pushed by a partner account for its own carrier's waybills. */
    TrackingReceipt push(Caller caller, String carrierId, List<TrackingEvent> events) {
        String partner = Scope.partnerOf(caller);
        if (partner == null || !partner.equals(carrierId)) {
            throw new AccessDeniedException("Only carrier " + carrierId + "'s partner account may push its tracking");
        }
        return pushFor(carrierId, events, "PARTNER", caller.user(), caller.requestId());
    }

    /** Events pushed by a carrier's bundle through the TrackingSink. */
    TrackingReceipt pushFromBundle(String carrierId, List<TrackingEvent> events) {
        return pushFor(carrierId, events, "CARRIER", "carrier:" + carrierId, null);
    }

    private TrackingReceipt pushFor(String carrierId, List<TrackingEvent> events, String source, String actor,
            String requestId) {
        checkCount(events);
        Map<Long, List<TrackingEvent>> byShipment = new LinkedHashMap<>();
        List<TrackingEvent> early = new ArrayList<>();
        Map<String, Optional<ShipmentRow>> shipments = new HashMap<>();
        for (TrackingEvent e : events) {
            Optional<ShipmentRow> r = shipments.computeIfAbsent(e.waybill(), w -> byWaybill(carrierId, w));
            if (r.isPresent()) {
                byShipment.computeIfAbsent(r.get().id(), k -> new ArrayList<>()).add(e);
            } else {
                early.add(e); // the webhook overtook the carrier's answer to book(): keep it for that answer
            }
        }
        TrackingReceipt total = new TrackingReceipt(0, 0, 0);
        for (Map.Entry<Long, List<TrackingEvent>> e : byShipment.entrySet()) {
            total = total.plus(apply(e.getKey(), e.getValue(), source, actor, requestId));
        }
        if (!early.isEmpty()) {
            park(carrierId, early, source, actor);
            total = total.plus(new TrackingReceipt(0, 0, early.size()));
        }
        return total;
    }

    private Optional<ShipmentRow> byWaybill(String carrierId, String waybill) {
        return Transactions.read(ctx.ds, c -> ShipmentDao.byWaybill(c, carrierId, waybill));
    }

    private void park(String carrierId, List<TrackingEvent> early, String source, String actor) {
        Instant now = ctx.now();
        Transactions.write(ctx.ds, "parking tracking of carrier " + carrierId, c -> {
            if (ParkedEventDao.count(c, carrierId) + early.size() > MAX_UNMATCHED_PER_CARRIER) {
                throw new ConflictException("Carrier " + carrierId + " has " + MAX_UNMATCHED_PER_CARRIER
                        + " tracking events waiting for unknown waybills; none more are kept until those are matched");
            }
            for (TrackingEvent e : early) {
                ParkedEventDao.park(c, carrierId, e, source, actor, now);
            }
            return null;
        });
        LOG.info("Kept {} tracking event(s) of carrier {} for waybills not known yet ({} booking(s) under way)",
                early.size(), carrierId, bookingsInFlight(carrierId));
        // the booking may have been stored between our lookup and the parking: then apply them now
        for (String waybill : early.stream().map(TrackingEvent::waybill).distinct().toList()) {
            byWaybill(carrierId, waybill).ifPresent(this::applyParked);
        }
    }

    /** Applies events parked for a waybill that now has its shipment, then forgets them. */
    void applyParked(ShipmentRow booked) {
        List<ParkedEventDao.Parked> parked = Transactions.read(ctx.ds,
                c -> ParkedEventDao.parked(c, booked.carrierId(), booked.waybill()));
        if (parked.isEmpty()) {
            return;
        }
        List<ParkedEventDao.Parked> applied = new ArrayList<>();
        for (ParkedEventDao.Parked p : parked) {
            try {
                apply(booked.id(), List.of(p.event()), p.source(), p.recordedBy(), null);
                applied.add(p);
            } catch (ValidationException e) {
                // it does not fit this booking (e.g. older than it): it stays listed as unmatched, never dropped
                LOG.warn("Tracking event {} kept for waybill {} does not fit shipment {}: {}", p.id(), booked.waybill(),
                        booked.number(), e.getMessage());
            }
        }
        Transactions.write(ctx.ds, "applying parked tracking of " + booked.waybill(), c -> {
            ParkedEventDao.unpark(c, applied);
            return null;
        });
    }

    /** What still waits for its booking: a partner sees only its own carrier's, ministry roles and auditors all. */
    Page<UnmatchedEvent> unmatched(Caller caller, String carrierId, int limit, String cursor) {
        String partner = Scope.partnerOf(caller);
        if (partner != null ? !partner.equals(carrierId) : ScopeRules.readReach(caller) != ScopeRules.Reach.ALL) {
            throw new AccessDeniedException("Only ministry roles, auditors and the carrier's own partner account list "
                    + "its unmatched tracking");
        }
        List<UnmatchedEvent> rows = Transactions.read(ctx.ds, c -> ParkedEventDao.list(c, carrierId, Paging.after(cursor),
                Paging.orderAndFetch("id", limit)));
        return Paging.page(rows, limit, UnmatchedEvent::id);
    }

    private static void checkCount(List<TrackingEvent> events) {
        if (events == null || events.isEmpty()) {
            throw new ValidationException("events", "give at least one event");
        }
        if (events.size() > MAX_EVENTS) {
            throw new ValidationException("events", "at most " + MAX_EVENTS + " events per request");
        }
    }

    /**
     * Appends the new events to the timeline and derives the milestones and status from the whole
     * timeline, so events arriving out of order or twice give the same result.
     */
    TrackingReceipt apply(long id, List<TrackingEvent> events, String source, String actor, String requestId) {
        Instant now = ctx.now();
        ShipmentRow current = ctx.get(id);
        Instant booked = current.terms().bookedAt();
        Instant earliest = (booked != null ? booked : current.stamp().createdAt()).minus(Duration.ofDays(1));
        for (int i = 0; i < events.size(); i++) {
            TrackingEvent e = events.get(i);
            if (e.at().isAfter(now.plus(BookingChecks.CLOCK_SKEW))) {
                throw new ValidationException("events[" + i + "].at", "the event lies in the future: " + e.at());
            }
            if (e.at().isBefore(earliest)) {
                throw new ValidationException("events[" + i + "].at", "the event is older than the booking: " + e.at());
            }
        }
        return TransportContext.retryWhenStale(() -> applyOnce(id, events, source, actor, requestId));
    }

    private TrackingReceipt applyOnce(long id, List<TrackingEvent> events, String source, String actor, String requestId) {
        Caller recorder = new Caller(actor, Set.of(), null, null, requestId == null ? "tracking" : requestId);
        return Transactions.write(ctx.ds, "tracking shipment " + id, c -> {
            ShipmentRow before = ShipmentDao.get(c, id);
            int added = 0;
            Set<String> seen = new HashSet<>();
            for (TrackingEvent e : events) {
                if (!seen.add(e.status() + "@" + e.at()) || TimelineDao.eventExists(c, id, e)) {
                    continue;
                }
                TimelineDao.insertEvent(c, id, e, source, actor);
                added++;
            }
            if (added == 0) {
                return new TrackingReceipt(0, events.size(), 0);
            }
            List<ShipmentEvent> timeline = TimelineDao.events(c, id);
            Timeline.Derived d = Timeline.derive(before.status(), timeline, before.dispatchedAt() != null);
            boolean carrierReturn = d.status() == ShipmentStatus.RETURNING && before.status() != ShipmentStatus.RETURNING;
            if (!ShipmentDao.update(c, before, "status = ?, accepted_at = ?, picked_up_at = ?, delivered_at = ?, "
                    + "pod_received_by = ?, pod_received_at = ?, pod_reference = ?, return_cause = ?", d.status(),
                    d.accepted(), d.pickedUp(), d.delivered(), d.proof() == null ? null : d.proof().receivedBy(),
                    d.proof() == null ? null : d.proof().receivedAt(), d.proof() == null ? null : d.proof().reference(),
                    carrierReturn ? ShipmentReturn.Cause.CARRIER.name() : before.returnCause())) {
                throw TransportContext.stale(before);
            }
            if (carrierReturn) {
                ShipmentEvent why = timeline.stream().filter(e -> e.status() == TrackingStatus.CANCELLED
                        || e.status() == TrackingStatus.RETURNED).reduce((a, b) -> b).orElseThrow();
                ReturnDao.start(c, before, ShipmentReturn.Cause.CARRIER, "carrier " + before.carrierId() + " reported "
                        + why.status() + (why.note() == null ? "" : ": " + why.note()), actor, ctx.now());
                ctx.events.record(c, TransportTopics.SHIPMENT_RETURNING, ShipmentDao.get(c, id), actor, requestId,
                        Map.of("cause", ShipmentReturn.Cause.CARRIER.name()));
            }
            ctx.audit.record(c, recorder, "shipment", Long.toString(id), "TRACK", Map.of("status", before.status().name()),
                    Map.of("status", d.status().name(), "events", added, "source", source));
            ShipmentRow after = ShipmentDao.get(c, id);
            if (after.status() != before.status()) {
                ctx.events.record(c, TransportTopics.SHIPMENT_STATUS, after, actor, requestId,
                        Map.of("previousStatus", before.status().name()));
            }
            return new TrackingReceipt(added, events.size() - added, 0);
        });
    }
}
