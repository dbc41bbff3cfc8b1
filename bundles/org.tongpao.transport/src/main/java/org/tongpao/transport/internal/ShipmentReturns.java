package org.tongpao.transport.internal;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.BatchLine;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.NewShipment;
import org.tongpao.transport.ShipmentReturn;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TransportTopics;

/**
 * Returns: goods handed over that come back. A carrier's CANCELLED or RETURNED after hand-over opens one (in
 * {@link TrackingIntake}, cause CARRIER); staff open one by recalling the goods (cause MINISTRY). It ends with the
 * goods back in the sending depot's stock (batch lines RETURNED) or carried on by a new shipment (lines noted).
 */
record ShipmentReturns(TransportContext ctx, Scope scope, BookingService booking, ShipmentCommands commands) {
    private static final Logger LOG = LoggerFactory.getLogger(ShipmentReturns.class);

    /** The ministry orders the goods back: the carrier is asked to cancel; its refusal is recorded, not obeyed. */
    ShipmentRow recall(Caller caller, long id, String reason, String key) {
        ShipmentRow r = scope.writable(caller, id);
        if (r.status() == ShipmentStatus.RETURNING || r.status() == ShipmentStatus.RETURNED) {
            return r;
        }
        if (r.dispatchedAt() == null) {
            throw new ConflictException("Shipment " + r.number() + " has not been handed over; cancel it instead");
        }
        if (!r.status().isOpen()) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status() + "; nothing to recall");
        }
        String why = reason == null || reason.isBlank() ? "recalled by " + caller.user() : reason.strip();
        String carrierAnswer = askCarrierToCancel(r, why);
        ctx.keys.execute(ctx.ds, caller, key, "shipment.recall:" + id, Map.of("reason", why), c -> {
            ShipmentRow before = ShipmentDao.get(c, id);
            if (!before.status().isOpen()) {
                throw new ConflictException("Shipment " + r.number() + " is " + before.status() + "; nothing to recall");
            }
            if (!ShipmentDao.update(c, before, "status = ?, return_cause = ?", ShipmentStatus.RETURNING,
                    ShipmentReturn.Cause.MINISTRY.name())) {
                throw TransportContext.stale(before);
            }
            ReturnDao.start(c, before, ShipmentReturn.Cause.MINISTRY, why + carrierAnswer, caller.user(), ctx.now());
            announce(c, caller, id, "RECALL", before, TransportTopics.SHIPMENT_RETURNING, Map.of("cause", "MINISTRY"));
            return new IdempotencyKeys.Ref("shipment", Long.toString(id));
        });
        return ctx.get(id);
    }

    private String askCarrierToCancel(ShipmentRow r, String why) {
        try {
            ctx.registry.call(r.carrierId(), "cancel", cr -> {
                cr.cancel(r.waybill(), why);
                return Boolean.TRUE;
            });
            return "";
        } catch (PartnerFailure f) {
            LOG.info("Carrier {} did not cancel recalled shipment {}: {}", r.carrierId(), r.number(), f.getMessage());
            return " (the carrier did not cancel: " + f.getMessage() + ")";
        }
    }

    ShipmentReturn get(Caller caller, long id) {
        scope.readable(caller, id);
        return Transactions.read(ctx.ds, c -> ReturnDao.get(c, id))
                .orElseThrow(() -> new NotFoundException("Return of shipment", id));
    }

    /** The sending depot has the goods back: batch lines return through the inventory; the shipment is RETURNED. */
    ShipmentRow receiveBack(Caller caller, long id, String note, String key) {
        ShipmentRow r = scope.writable(caller, id);
        ShipmentReturn ret = get(caller, id);
        if (ret.outcome() == ShipmentReturn.Outcome.RETURNED) {
            return r;
        }
        requireOpen(r, ret);
        String why = note == null || note.isBlank() ? ret.reason() : note.strip();
        if (r.batchId() != null) {
            ctx.allocation.returnLines(caller, r.batchId(), carriedLineIds(caller, r), "returned: " + why,
                    IdempotencyKeys.internal("shipment-" + r.number() + "-return"));
        }
        close(caller, id, key, "shipment.return-receive:" + id, ShipmentReturn.Outcome.RETURNED, why, null);
        return ctx.get(id);
    }

    /** A new shipment with {@code carrierId} carries the goods on; answers it. The returned one is RETURNED. */
    ShipmentRow rebook(Caller caller, long id, String carrierId, String key) {
        ShipmentRow r = scope.writable(caller, id);
        ShipmentReturn ret = get(caller, id);
        if (ret.outcome() == ShipmentReturn.Outcome.REBOOKED) {
            return ctx.get(ret.rebookedAs());
        }
        requireOpen(r, ret);
        if (carrierId == null || carrierId.isBlank()) {
            throw new ValidationException("carrierId", "name the carrier that carries the goods on");
        }
        NewShipment.Builder to = r.toUnit() ? NewShipment.builder().toOrgUnitId(r.toOrgUnitId())
                : NewShipment.builder().toDepotId(r.toDepotId());
        NewShipment cmd = to.batchId(r.batchId()).fromDepotId(r.fromDepotId())
                .carrierId(carrierId.strip()).packages(r.cargo().packages())
                .weightKg(r.cargo().weightKg()).mode(r.cargo().mode()).notes("re-booked after the return of " + r.number())
                .build();
        ShipmentRow next = booking.book(caller, cmd, IdempotencyKeys.internal("shipment-" + r.number() + "-rebook"));
        if (next.waybill() != null && !next.route().keyArea()) {
            // the goods are already out of stock (in transit): handing them to the new carrier moves no stock
            next = commands.dispatch(caller, next.id(), IdempotencyKeys.internal("shipment-" + next.number() + "-dispatch"));
        }
        String why = "re-booked on " + next.number() + " with " + next.carrierId() + " after " + ret.reason();
        if (r.batchId() != null) {
            ctx.allocation.noteLines(caller, r.batchId(), carriedLineIds(caller, r), why,
                    IdempotencyKeys.internal("shipment-" + r.number() + "-rebook-note"));
        }
        close(caller, id, key, "shipment.return-rebook:" + id, ShipmentReturn.Outcome.REBOOKED, why, next.id());
        return ctx.get(next.id());
    }

    /** The batch lines this shipment carries (to its depot, or to its unit). */
    private List<Long> carriedLineIds(Caller caller, ShipmentRow r) {
        return ShipmentReceipts.carried(ctx.allocation.batch(caller, r.batchId()), r).stream().map(BatchLine::id).toList();
    }

    private static void requireOpen(ShipmentRow r, ShipmentReturn ret) {
        if (ret.outcome() != null || r.status() != ShipmentStatus.RETURNING) {
            throw new ConflictException("The return of shipment " + r.number() + " ended already: " + ret.outcome());
        }
    }

    private void close(Caller caller, long id, String key, String operation, ShipmentReturn.Outcome outcome,
            String note, Long rebookedAs) {
        ctx.keys.execute(ctx.ds, caller, key, operation, Map.of("outcome", outcome.name()), c -> {
            ShipmentRow before = ShipmentDao.get(c, id);
            if (!ReturnDao.close(c, id, outcome, note, caller.user(), ctx.now(), rebookedAs)) {
                throw new ConflictException("The return of shipment " + before.number() + " ended already");
            }
            if (!ShipmentDao.update(c, before, "status = ?", ShipmentStatus.RETURNED)) {
                throw TransportContext.stale(before);
            }
            announce(c, caller, id, outcome.name(), before, TransportTopics.SHIPMENT_RETURNED,
                    Map.of("outcome", outcome.name()));
            return new IdempotencyKeys.Ref("shipment", Long.toString(id));
        });
    }

    private void announce(java.sql.Connection c, Caller caller, long id, String audited, ShipmentRow before, String topic,
            Map<String, Object> extra) throws java.sql.SQLException {
        ShipmentRow after = ShipmentDao.get(c, id);
        ctx.audit.record(c, caller, "shipment", Long.toString(id), audited, before.snapshot(), after.snapshot());
        ctx.events.record(c, topic, after, caller.user(), caller.requestId(), extra);
    }
}
