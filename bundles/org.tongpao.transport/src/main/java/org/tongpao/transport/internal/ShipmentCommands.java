package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TransportTopics;

/** What staff do to a booked shipment: cancel it, attach its entry pass, hand it over. */
record ShipmentCommands(TransportContext ctx, Scope scope) {
    /** Cancels with the carrier first (a refusal is 409), then here; only before the goods were handed over. */
    ShipmentRow cancel(Caller caller, long id, String reason, String idempotencyKey) {
        ShipmentRow r = scope.writable(caller, id);
        if (r.status() == ShipmentStatus.CANCELLED) {
            return r;
        }
        if (r.dispatchedAt() != null || !(r.status() == ShipmentStatus.BOOKING_FAILED || r.status() == ShipmentStatus.BOOKED
                || r.status() == ShipmentStatus.ACCEPTED)) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status()
                    + (r.dispatchedAt() != null ? " and dispatched" : "") + "; only a shipment not yet handed over can be cancelled");
        }
        String why = reason == null || reason.isBlank() ? "cancelled by " + caller.user() : reason.strip();
        if (r.waybill() != null) {
            try {
                ctx.registry.call(r.carrierId(), "cancel", cr -> {
                    cr.cancel(r.waybill(), why);
                    return Boolean.TRUE;
                });
            } catch (CarrierFailure f) {
                throw new ConflictException("The carrier did not cancel: " + f.getMessage());
            }
        }
        return change(caller, id, idempotencyKey, "shipment.cancel:" + id, why, new Action("CANCEL",
                TransportTopics.SHIPMENT_CANCELLED), "status = ?, failure = ?", ShipmentStatus.CANCELLED,
                TransportContext.truncate(why, 1000));
    }

    ShipmentRow attachPass(Caller caller, long id, EntryPass pass, String idempotencyKey) {
        ShipmentRow r = scope.writable(caller, id);
        if (pass == null) {
            throw new ValidationException("number", "an entry pass is required");
        }
        if (!pass.validUntil().isAfter(pass.validFrom())) {
            throw new ValidationException("validUntil", "validUntil must be after validFrom");
        }
        if (!r.status().isOpen() && r.status() != ShipmentStatus.BOOKING_FAILED) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status());
        }
        return change(caller, id, idempotencyKey, "shipment.pass:" + id, pass, new Action("PASS", null),
                "pass_number = ?, pass_authority = ?, pass_valid_from = ?, pass_valid_until = ?, pass_vehicle = ?, pass_driver = ?",
                pass.number().strip(), pass.authority().strip(), pass.validFrom(), pass.validUntil(),
                pass.vehiclePlate().strip(), pass.driver().strip());
    }

    /** Hands the goods over: a key-area shipment needs a pass valid now; only this shipment's batch lines leave. */
    ShipmentRow dispatch(Caller caller, long id, String idempotencyKey) {
        ShipmentRow r = scope.writable(caller, id);
        if (r.dispatchedAt() != null) {
            return r;
        }
        if (r.waybill() == null || !r.status().isOpen()) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status() + "; book it before dispatching");
        }
        Instant now = ctx.now();
        if (r.route().keyArea()) {
            requirePass(r, now);
        }
        if (r.batchId() != null) {
            // only this shipment's goods leave: the batch's lines between its two ends
            String key = IdempotencyKeys.internal("shipment-" + r.number() + "-dispatch");
            if (r.toUnit()) {
                ctx.allocation.dispatchLinesToUnit(caller, r.batchId(), r.fromDepotId(), r.toOrgUnitId(), key);
            } else {
                ctx.allocation.dispatchLines(caller, r.batchId(), r.fromDepotId(), r.toDepotId(), key);
            }
        }
        ShipmentStatus next = r.status() == ShipmentStatus.BOOKED || r.status() == ShipmentStatus.ACCEPTED
                ? ShipmentStatus.DISPATCHED : r.status();
        return change(caller, id, idempotencyKey, "shipment.dispatch:" + id, null, new Action("DISPATCH",
                TransportTopics.SHIPMENT_DISPATCHED), "dispatched_at = ?, dispatched_by = ?, status = ?", now,
                caller.user(), next);
    }

    private static void requirePass(ShipmentRow r, Instant now) {
        if (r.pass() == null) {
            throw new ConflictException("Shipment " + r.number() + " goes into key area " + r.route().keyAreaLabel()
                    + " and needs an entry pass (PUT /shipments/" + r.id() + "/pass) before dispatch");
        }
        if (!r.pass().validAt(now)) {
            throw new ConflictException("Entry pass " + r.pass().number() + " is valid from " + r.pass().validFrom()
                    + " until " + r.pass().validUntil() + ", not now");
        }
    }

    /** What a change is called in the audit trail, and the topic it is announced on (null: none). */
    private record Action(String audited, String topic) {
    }

    /** One guarded update with its audit row and its event, under the idempotency key. */
    private ShipmentRow change(Caller caller, long id, String key, String operation, Object request, Action action,
            String set, Object... args) {
        ctx.keys.execute(ctx.ds, caller, key, operation, request == null ? Map.of() : request, c -> {
            ShipmentRow before = ShipmentDao.get(c, id);
            if (!ShipmentDao.update(c, before, set, args)) {
                throw TransportContext.stale(before);
            }
            ShipmentRow after = ShipmentDao.get(c, id);
            ctx.audit.record(c, caller, "shipment", Long.toString(id), action.audited(), before.snapshot(), after.snapshot());
            if (action.topic() != null) {
                ctx.events.record(c, action.topic(), after, caller.user(), caller.requestId(), Map.of());
            }
            return new IdempotencyKeys.Ref("shipment", Long.toString(id));
        });
        return ctx.get(id);
    }
}
