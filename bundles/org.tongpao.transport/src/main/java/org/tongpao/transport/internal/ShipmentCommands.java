package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.allocation.spi.KeyAreaEntry;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;
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
            } catch (PartnerFailure f) {
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

    /**
     * Hands the goods over: goods for a key area leave only when the entry gate, asked inside the hand-over's
     * transaction, lets them in now (a verifiable entry pass, 409 naming {@code passes} otherwise); only this shipment's batch lines leave, and they leave in the same
     * transaction as the shipment's hand-over, so a crash leaves both as they were or both done.
     */
    ShipmentRow dispatch(Caller caller, long id, String idempotencyKey) {
        ShipmentRow r = scope.writable(caller, id);
        if (r.dispatchedAt() != null) {
            return r;
        }
        if (r.waybill() == null || !r.status().isOpen()) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status() + "; book it before dispatching");
        }
        Instant now = ctx.now();
        ShipmentStatus next = r.status() == ShipmentStatus.BOOKED || r.status() == ShipmentStatus.ACCEPTED
                ? ShipmentStatus.DISPATCHED : r.status();
        Transactions.enclosing(ctx.ds, "dispatch of shipment " + r.number(), c -> {
            // the gate is asked inside the hand-over's transaction: a pass revoked meanwhile either stops it here or
            // waits for its commit (the gate reads the passes under locks that last until then)
            requireEntry(r, now);
            if (r.batchId() != null) {
                // only this shipment's goods leave: the batch's lines between its two ends
                String key = IdempotencyKeys.internal("shipment-" + r.number() + "-dispatch");
                if (r.toUnit()) {
                    ctx.allocation.dispatchLinesToUnit(caller, r.batchId(), r.fromDepotId(), r.toOrgUnitId(), key);
                } else {
                    ctx.allocation.dispatchLines(caller, r.batchId(), r.fromDepotId(), r.toDepotId(), key);
                }
            }
            return change(caller, id, idempotencyKey, "shipment.dispatch:" + id, null, new Action("DISPATCH",
                    TransportTopics.SHIPMENT_DISPATCHED), "dispatched_at = ?, dispatched_by = ?, status = ?", now,
                    caller.user(), next);
        });
        return ctx.get(id);
    }

    /**
     * The one key-area rule: the destination's key area as it is declared now (not as it was at booking) and every
     * entry gate's consent for this shipment at this moment; with no gate installed nothing enters.
     */
    private void requireEntry(ShipmentRow r, Instant now) {
        KeyArea area = new Places(ctx).keyArea(Caller.system("transport"), r.route().to());
        if (area == null) {
            return;
        }
        KeyAreaEntry entry = new KeyAreaEntry(area, now, r.id(), r.batchId(), r.fromDepotId(),
                r.toUnit() ? null : r.toDepotId(), r.toUnit() ? r.toOrgUnitId() : null);
        List<String> why = new ArrayList<>();
        if (ctx.gates.isEmpty()) {
            why.add("no entry-pass service is installed (feature tongpao-passes), so nothing enters a key area");
        }
        for (EntryGate gate : ctx.gates) {
            gate.refusal(entry).ifPresent(why::add);
        }
        if (!why.isEmpty()) {
            throw new ConflictException("passes", "Shipment " + r.number() + " goes into key area " + area.label()
                    + " and needs an entry pass valid now (POST /shipments/" + r.id() + "/passes, then print it): "
                    + String.join("; ", why));
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
