package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/**
 * The receiving side's confirmation. A batch shipment's goods go into inventory through the batch's receipt (so
 * one receipt updates both); the first line in implies delivery (the SLA clock stops), and the shipment is
 * RECEIVED once every line it carries is, however those lines were received.
 */
record ShipmentReceipts(TransportContext ctx, Scope scope, TrackingIntake intake) {
    private static final Logger LOG = LoggerFactory.getLogger(ShipmentReceipts.class);

    ShipmentRow receive(Caller caller, long id, List<LineReceipt> lines, String idempotencyKey) {
        ShipmentRow r = scope.readable(caller, id);
        // a unit without a depot has no keeper: its province confirms the proof of delivery
        boolean keeper = caller.hasRole(Roles.DEPOT_KEEPER) && !r.toUnit() && r.toDepotCode().equals(caller.depotCode());
        if (!caller.canWriteProvince(r.toProvince()) && !keeper) {
            throw new AccessDeniedException("Only the receiving side may confirm receipt of " + r.number());
        }
        if (r.status() == ShipmentStatus.RECEIVED) {
            return r;
        }
        if (r.dispatchedAt() == null) {
            throw new ConflictException("Shipment " + r.number() + " has not been dispatched");
        }
        if (r.status() == ShipmentStatus.CANCELLED || r.status() == ShipmentStatus.RETURNED) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status());
        }
        if (r.status() == ShipmentStatus.RETURNING) {
            throw new ConflictException("Shipment " + r.number() + " is RETURNING: take the goods back at the sending "
                    + "depot (POST /shipments/" + id + "/return/receive) or carry them on (POST /shipments/" + id
                    + "/return/rebook)");
        }
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        if (r.toUnit()) {
            // the proof of delivery at a unit: the issue to the unit, the batch lines, the need and this shipment's
            // delivery and receipt commit together, or none of them does
            String key = idempotencyKey;
            return Transactions.enclosing(ctx.ds, "proof of delivery of shipment " + r.number(),
                    c -> receiveThroughBatch(caller, id, r, lines, key));
        }
        return receiveThroughBatch(caller, id, r, lines, idempotencyKey);
    }

    private ShipmentRow receiveThroughBatch(Caller caller, long id, ShipmentRow r, List<LineReceipt> lines,
            String idempotencyKey) {
        Batch b = null;
        // the stock first, through the batch: if the inventory refuses the receipt, the shipment is left as it was
        if (r.batchId() != null) {
            b = ctx.allocation.batch(caller, r.batchId());
            List<LineReceipt> receipts = receipts(r, carried(b, r), lines);
            if (!receipts.isEmpty()) {
                // same per-line received and damaged quantities as the batch's receipt; the batch's listener
                // (ShipmentReceiptSync) receives this shipment as part of it
                b = ctx.allocation.receive(caller, r.batchId(), receipts, idempotencyKey != null ? idempotencyKey
                        : IdempotencyKeys.internal("shipment-" + r.number() + "-receive"));
            }
        }
        return sync(caller, id, b);
    }

    /** The lines to receive: those given (each must be carried by this shipment), else every one not yet in, in full. */
    private static List<LineReceipt> receipts(ShipmentRow r, List<BatchLine> ours, List<LineReceipt> lines) {
        if (lines == null || lines.isEmpty()) {
            return ours.stream().filter(l -> !"RECEIVED".equals(l.status()))
                    .map(l -> new LineReceipt(l.id(), l.quantity(), 0L, null)).toList();
        }
        Set<Long> ids = new HashSet<>();
        ours.forEach(l -> ids.add(l.id()));
        for (int i = 0; i < lines.size(); i++) {
            if (!ids.contains(lines.get(i).lineId())) {
                throw new ValidationException("lines[" + i + "].lineId", "line " + lines.get(i).lineId()
                        + " is not carried by shipment " + r.number());
            }
        }
        return lines;
    }

    /** The lines of the batch this shipment carries: those between its two ends (a depot, or a unit). */
    static List<BatchLine> carried(Batch b, ShipmentRow r) {
        return b.lines().stream().filter(l -> l.fromDepotId() == r.fromDepotId() && (r.toUnit()
                ? r.toOrgUnitId().equals(l.toOrgUnitId()) : !l.toUnit() && l.toDepotId() == r.toDepotId())).toList();
    }

    /** Batch lines received through the batch (or this bundle): the shipments that carried them follow. */
    void linesReceived(Caller caller, Batch batch, List<BatchLine> received) {
        Set<List<Long>> pairs = new LinkedHashSet<>();
        // the second and third: the receiving depot, or 0 and the unit
        received.forEach(l -> pairs.add(List.of(l.fromDepotId(), l.toUnit() ? 0L : l.toDepotId(),
                l.toUnit() ? l.toOrgUnitId() : 0L)));
        for (List<Long> pair : pairs) {
            String to = pair.get(2) != 0L ? "to_org_unit_id = ?" : "to_depot_id = ?";
            long toId = pair.get(2) != 0L ? pair.get(2) : pair.get(1);
            List<ShipmentRow> carriers = Transactions.read(ctx.ds, c -> ShipmentDao.query(c, "batch_id = ? AND "
                    + "from_depot_id = ? AND " + to + " AND waybill IS NOT NULL AND status NOT IN "
                    + "('CANCELLED','RECEIVED','BOOKING_FAILED','RETURNED')", List.of(batch.id(), pair.get(0), toId),
                    "ORDER BY id"));
            for (ShipmentRow r : carriers) {
                sync(caller, r.id(), batch);
            }
        }
    }

    /**
     * Open shipments (of those the SLA watch is about to flag) whose batch lines were received without them being told (a listener that failed, or
     * a node stopped in between) are received now, before they could be flagged as the carrier's breach.
     */
    void catchUp(List<ShipmentRow> due) {
        List<ShipmentRow> open = due.stream().filter(r -> r.status().isOpen() && r.batchId() != null
                && r.waybill() != null).toList();
        Caller watch = Caller.system("sla-watch");
        Map<Long, Batch> batches = new HashMap<>();
        for (ShipmentRow r : open) {
            try {
                Batch b = batches.computeIfAbsent(r.batchId(), id -> ctx.allocation.batch(watch, id));
                if (carried(b, r).stream().anyMatch(l -> "RECEIVED".equals(l.status()))) {
                    LOG.info("Shipment {}: its goods were received through batch {}; receiving it", r.number(), b.number());
                    sync(watch, r.id(), b);
                }
            } catch (RuntimeException e) {
                LOG.warn("Catching up the receipt of shipment {} failed: {}", r.number(), e.getMessage(), e);
            }
        }
    }

    /**
     * Brings a shipment in line with its goods' receipt: delivery is implied (the SLA clock stops) once any of
     * its batch lines is received, and the shipment is RECEIVED once all are (a plain move: at once). Safe to
     * repeat; does nothing to a shipment already received or cancelled.
     */
    private ShipmentRow sync(Caller caller, long id, Batch b) {
        ShipmentRow r = ctx.get(id);
        if (r.status() == ShipmentStatus.RECEIVED || r.status() == ShipmentStatus.CANCELLED
                || r.status() == ShipmentStatus.RETURNED || r.waybill() == null) {
            return r;
        }
        List<BatchLine> ours = b == null ? List.of() : carried(b, r);
        boolean anyIn = b == null || ours.stream().anyMatch(l -> "RECEIVED".equals(l.status()));
        boolean allIn = b == null || (!ours.isEmpty() && ours.stream().allMatch(l -> "RECEIVED".equals(l.status())));
        if (!anyIn) {
            return r;
        }
        Instant now = ctx.now();
        if (r.deliveredAt() == null) {
            intake.apply(id, List.of(new TrackingEvent(r.waybill(), TrackingStatus.DELIVERED, now, r.route().to().code(),
                    r.toUnit() ? "delivered to the unit" : "confirmed by the receiving depot",
                    new ProofOfDelivery(caller.user(), now, "receipt"))),
                    "RECEIVER", caller.user(), caller.requestId());
        }
        if (!allIn) {
            return ctx.get(id);
        }
        return TransportContext.retryWhenStale(() -> markReceived(caller, id, now));
    }

    private ShipmentRow markReceived(Caller caller, long id, Instant now) {
        return Transactions.write(ctx.ds, "receiving shipment " + id, c -> {
            ShipmentRow before = ShipmentDao.get(c, id);
            if (before.status() == ShipmentStatus.RECEIVED) {
                return before;
            }
            if (!ShipmentDao.update(c, before, "status = ?, received_at = ?, received_by = ?",
                    ShipmentStatus.RECEIVED, now, caller.user())) {
                throw TransportContext.stale(before);
            }
            ShipmentRow after = ShipmentDao.get(c, id);
            ctx.audit.record(c, caller, "shipment", Long.toString(id), "RECEIVE", before.snapshot(), after.snapshot());
            ctx.events.record(c, TransportTopics.SHIPMENT_RECEIVED, after, caller.user(), caller.requestId(), Map.of());
            return after;
        });
    }
}
