package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.ValidationException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.Sla;
import org.tongpao.transport.SlaMilestone;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;

/**
 * One pass of the watch: pulls tracking from PULL carriers for their open shipments, then looks only at the
 * shipments whose next SLA moment has come (the next-deadline index): catches up receipts they were not told of,
 * raises each new alert once and moves their next moment on. Its cost follows the shipments at risk, not all open ones.
 */
record SlaScanner(TransportContext ctx, TrackingIntake intake, ShipmentReceipts receipts) {
    private static final Logger LOG = LoggerFactory.getLogger(SlaScanner.class);

    ScanResult scan() {
        List<ShipmentRow> pulled = pullable();
        int events = 0;
        int failures = 0;
        for (ShipmentRow r : pulled) {
            int n = pull(r);
            if (n < 0) {
                failures++;
            } else {
                events += n;
            }
        }
        Instant now = ctx.now();
        List<ShipmentRow> due = Transactions.read(ctx.ds, c -> ShipmentDao.dueForAlerts(c, now));
        receipts.catchUp(due);
        int alerts = raiseAlerts(due, now);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        pulled.forEach(r -> seen.add(r.id()));
        due.forEach(r -> seen.add(r.id()));
        return new ScanResult(seen.size(), events, failures, alerts);
    }

    /** Open shipments with a waybill of the carriers that answer tracking pulls. */
    private List<ShipmentRow> pullable() {
        List<String> carriers = ctx.registry.ids().stream().filter(this::pulls).toList();
        if (carriers.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(carriers.size(), "?"));
        return Transactions.read(ctx.ds, c -> ShipmentDao.query(c, ShipmentDao.OPEN + " AND waybill IS NOT NULL AND "
                + "carrier_id IN (" + in + ")", carriers, "ORDER BY id"));
    }

    /** Events pulled from the carrier and new to the timeline, or -1 if the pull failed. */
    private int pull(ShipmentRow r) {
        try {
            List<TrackingEvent> events = ctx.registry.call(r.carrierId(), "track", cr -> cr.track(r.waybill()));
            if (events.stream().anyMatch(e -> !r.waybill().equals(e.waybill()))) {
                LOG.warn("Carrier {} answered tracking of {} with events of other waybills; ignored", r.carrierId(),
                        r.waybill());
                return -1;
            }
            return events.isEmpty() ? 0
                    : intake.apply(r.id(), List.copyOf(events), "CARRIER", "carrier:" + r.carrierId(), null).accepted();
        } catch (PartnerFailure | ValidationException f) {
            LOG.warn("Tracking {} with carrier {} failed: {}", r.waybill(), r.carrierId(), f.getMessage());
            return -1;
        }
    }

    /** Evaluates each shipment due (as stored now), flags its new alerts and moves its next moment on. */
    int raiseAlerts(List<ShipmentRow> due, Instant now) {
        int alerts = 0;
        for (ShipmentRow stale : due) {
            ShipmentRow r = ctx.get(stale.id());
            if (r.terms().deadlines() != null) {
                Sla sla = SlaClock.evaluate(r.terms().deadlines(), r.progress(), r.slaRunning(), now);
                for (SlaMilestone m : sla.milestones()) {
                    if (m.state().isAlert() && flag(r, m, now)) {
                        alerts++;
                        LOG.warn("Shipment {} ({} waybill {}): {} promise {} (due {})", r.number(), r.carrierId(),
                                r.waybill(), m.name(), m.state(), m.due());
                    }
                }
            }
            Transactions.write(ctx.ds, "moving the SLA watch of " + r.number(), c -> {
                ShipmentDao.refreshNextDeadline(c, ShipmentDao.get(c, r.id()));
                return null;
            });
        }
        return alerts;
    }

    /** Raises the milestone's alert once, announcing it in the same transaction; true if it is new. */
    private boolean flag(ShipmentRow r, SlaMilestone m, Instant now) {
        return Transactions.write(ctx.ds, "flagging shipment " + r.number(), c -> {
            if (!ShipmentDao.flag(c, r.id(), m.name(), m.state().name(), now)) {
                return false;
            }
            ctx.events.record(c, m.state() == SlaState.BREACHED ? TransportTopics.SLA_BREACHED : TransportTopics.SLA_AT_RISK,
                    r, "sla-watch", null, Map.of("milestone", m.name(), "due", m.due().toString()));
            return true;
        });
    }

    private boolean pulls(String carrierId) {
        if (!ctx.registry.isAvailable(carrierId)) {
            return false;
        }
        try {
            return ctx.registry.profile(carrierId).tracking().contains(TrackingMode.PULL);
        } catch (PartnerFailure f) {
            LOG.warn("Carrier {} gave no profile: {}", carrierId, f.getMessage());
            return false;
        }
    }
}
