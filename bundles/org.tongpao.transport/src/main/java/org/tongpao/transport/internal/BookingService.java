package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.KeyArea;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.NewShipment;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.ShipmentOrder;

/**
 * Books shipments: the shipment is stored first, then the carrier is asked; a refusal, failure or silence
 * leaves it BOOKING_FAILED with the reason, and {@link #rebook} tries again (with another carrier if asked).
 * The shipment number is the carrier's idempotency reference, so a retry never books twice.
 */
record BookingService(TransportContext ctx, Scope scope, Places places, BookingChecks checks,
        CarrierContracts contracts, TrackingIntake intake) {
    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);

    /** Stores the shipment and books it; a repeat of the same idempotency key returns the stored one. */
    ShipmentRow book(Caller caller, NewShipment cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, JdbcTransportService.WHAT);
        checks.requireValues(cmd);
        ShipmentRow.Route route = route(caller, cmd);
        checks.checkCarrier(cmd.carrierId(), route.to().province(), cmd.weightKg(), cmd.mode());
        String prefix = "SH-" + ctx.node.provinceCode().orElse("C") + "-";
        ShipmentRow.Cargo cargo = new ShipmentRow.Cargo(cmd.packages(), cmd.weightKg(), cmd.mode(), cmd.deliverBy(),
                cmd.notes());
        IdempotencyKeys.Outcome out = ctx.keys.execute(ctx.ds, caller, idempotencyKey, "shipment.book", cmd, c -> {
            ShipmentRow draft = ShipmentRow.draft("NEW-" + UUID.randomUUID(), route, cmd.carrierId(), cargo,
                    caller.user(), Sql.now());
            long id = ShipmentDao.insert(c, draft);
            ShipmentDao.setNumber(c, id, String.format("%s%06d", prefix, id));
            ctx.audit.record(c, caller, "shipment", Long.toString(id), "CREATE", null, ShipmentDao.get(c, id).snapshot());
            return new IdempotencyKeys.Ref("shipment", Long.toString(id));
        });
        ShipmentRow r = ctx.get(Long.parseLong(out.ref().id()));
        return out.repeat() ? r : attempt(caller, r);
    }

    /**
     * Where the shipment goes: a batch or depots the caller cannot see answer like unknown ones (404 naming the
     * field); a batch's own depots may lie in another province (mutual aid), a shipment without a batch stays in scope.
     */
    private ShipmentRow.Route route(Caller caller, NewShipment cmd) {
        Batch batch = cmd.batchId() == null ? null
                : ScopeRules.namedInBody("batchId", cmd.batchId(), () -> ctx.allocation.batch(caller, cmd.batchId()));
        BookingChecks.Leg leg = checks.leg(cmd, batch);
        if (batch == null) {
            places.visibleDepot(caller, leg.fromDepotId(), "fromDepotId");
            if (leg.toUnit()) {
                places.visibleUnit(caller, leg.toOrgUnitId(), "toOrgUnitId");
            } else {
                places.visibleDepot(caller, leg.toDepotId(), "toDepotId");
            }
        }
        Caller system = Caller.system(caller.requestId());
        Depot from = places.depot(system, leg.fromDepotId(), "fromDepotId");
        ShipmentRow.End to = leg.toUnit() ? places.unitEnd(system, leg.toOrgUnitId(), "toOrgUnitId")
                : places.depotEnd(system, leg.toDepotId(), "toDepotId");
        if (!to.isUnit() && from.id() == to.depotId()) {
            throw new ValidationException("toDepotId", "a shipment goes to another depot");
        }
        if (!caller.canWriteProvince(from.provinceCode()) && !caller.canWriteProvince(to.province())) {
            throw new AccessDeniedException("Neither end of the shipment is in the caller's province");
        }
        KeyArea area = places.keyArea(system, to);
        return new ShipmentRow.Route(cmd.batchId(), batch == null ? null : batch.number(),
                new ShipmentRow.End(from.id(), from.code(), from.provinceCode()), to, area != null,
                area == null ? null : area.label());
    }

    /** Retries a failed booking, with {@code carrierId} if given (the change of carrier is audited). */
    ShipmentRow rebook(Caller caller, long id, String carrierId) {
        ShipmentRow r = scope.writable(caller, id);
        if (r.status() != ShipmentStatus.BOOKING_FAILED) {
            if (r.waybill() != null && (carrierId == null || carrierId.equals(r.carrierId()))) {
                return r; // booked already: a repeat of a successful rebook
            }
            throw new ConflictException("Shipment " + r.number() + " is " + r.status() + "; only a failed booking is retried");
        }
        String carrier = carrierId == null ? r.carrierId() : carrierId;
        if (!carrier.equals(r.carrierId())) {
            checks.checkCarrier(carrier, r.toProvince(), r.cargo().weightKg(), r.cargo().mode());
            Transactions.write(ctx.ds, "changing the carrier of shipment " + id, c -> {
                ShipmentRow before = ShipmentDao.get(c, id);
                if (!ShipmentDao.update(c, before, "carrier_id = ?", carrier)) {
                    throw TransportContext.stale(before);
                }
                ctx.audit.record(c, caller, "shipment", Long.toString(id), "CHANGE_CARRIER", before.carrierId(), carrier);
                return null;
            });
        }
        return attempt(caller, ctx.get(id));
    }

    /** Books with the carrier while pushes for its unknown waybills are parked; then applies what was parked. */
    private ShipmentRow attempt(Caller caller, ShipmentRow r) {
        intake.bookingStarted(r.carrierId());
        try {
            ShipmentRow result = withCarrier(caller, r);
            if (result.waybill() != null) {
                intake.applyParked(result);
                return ctx.get(r.id());
            }
            return result;
        } finally {
            intake.bookingEnded(r.carrierId());
        }
    }

    /** Quotes and books with the carrier; the outcome (waybill and deadlines, or the failure) is stored. */
    private ShipmentRow withCarrier(Caller caller, ShipmentRow r) {
        String carrier = r.carrierId();
        Instant now = ctx.now();
        Quote quote;
        Booking booking;
        ServicePromise promise;
        try {
            ShipmentOrder order = places.order(r);
            Destination destination = places.destination(Caller.system("transport"), r.route().to());
            CarrierProfile profile = ctx.registry.profile(carrier);
            quote = ctx.registry.call(carrier, "quote", cr -> cr.quote(order, destination));
            booking = ctx.registry.call(carrier, "book", cr -> cr.book(order, destination));
            ServicePromise contract = contracts.contract(carrier);
            promise = contract != null ? contract : profile.promise();
        } catch (PartnerFailure f) {
            return fail(caller, r, f.getMessage());
        }
        SlaClock.Deadlines d = SlaClock.deadlines(promise, now, r.toProvince(), r.cargo().deliverBy());
        try {
            return store(caller, r, quote, booking, d, now);
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return fail(caller, r, "carrier " + carrier + " answered with waybill " + booking.waybill()
                        + ", which another shipment already has");
            }
            throw e;
        }
    }

    private ShipmentRow store(Caller caller, ShipmentRow r, Quote quote, Booking booking, SlaClock.Deadlines d,
            Instant now) {
        ShipmentRow booked = Transactions.write(ctx.ds, "booking shipment " + r.number(), c -> {
            ShipmentRow before = ShipmentDao.get(c, r.id());
            if (before.status() != ShipmentStatus.BOOKING_FAILED) {
                return before; // a concurrent retry booked it first
            }
            if (!ShipmentDao.update(c, before, "status = ?, waybill = ?, failure = NULL, quoted_price = ?, "
                    + "quoted_currency = ?, booked_at = ?, accept_due = ?, accept_warn = ?, pickup_due = ?, "
                    + "pickup_warn = ?, delivery_due = ?, delivery_warn = ?", ShipmentStatus.BOOKED, booking.waybill(),
                    quote.price(), quote.currency(), now, d.accept().due(), d.accept().warnFrom(), d.pickup().due(),
                    d.pickup().warnFrom(), d.delivery().due(), d.delivery().warnFrom())) {
                throw TransportContext.stale(before);
            }
            ShipmentRow after = ShipmentDao.get(c, r.id());
            ctx.audit.record(c, caller, "shipment", Long.toString(r.id()), "BOOK", null, Map.of("waybill",
                    booking.waybill(), "carrierId", r.carrierId()));
            ctx.events.record(c, TransportTopics.SHIPMENT_BOOKED, after, caller.user(), caller.requestId(),
                    Map.of("waybill", booking.waybill()));
            return after;
        });
        return booked;
    }

    private ShipmentRow fail(Caller caller, ShipmentRow r, String why) {
        LOG.warn("Booking shipment {} with {} failed: {}", r.number(), r.carrierId(), why);
        ShipmentRow failed = Transactions.write(ctx.ds, "failing the booking of " + r.number(), c -> {
            ShipmentRow before = ShipmentDao.get(c, r.id());
            if (before.status() != ShipmentStatus.BOOKING_FAILED) {
                return before;
            }
            ShipmentDao.update(c, before, "failure = ?", TransportContext.truncate(why, 1000));
            ctx.audit.record(c, caller, "shipment", Long.toString(r.id()), "BOOKING_FAILED", null, Map.of("failure", why));
            ShipmentRow after = ShipmentDao.get(c, r.id());
            ctx.events.record(c, TransportTopics.SHIPMENT_BOOKING_FAILED, after, caller.user(), caller.requestId(),
                    Map.of("failure", why));
            return after;
        });
        return failed;
    }
}
