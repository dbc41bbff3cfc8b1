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
 * One pass of the watch: pulls tracking from PULL carriers for open shipments, catches up receipts the
 * shipments were not told of, raises each new SLA alert once, and drops parked events nobody claimed.
 */
record SlaScanner(TransportContext ctx, TrackingIntake intake, ShipmentReceipts receipts) {
    private static final Logger LOG = LoggerFactory.getLogger(SlaScanner.class);

    ScanResult scan() {
        List<ShipmentRow> open = open(" AND waybill IS NOT NULL");
        int pulled = 0;
        int failures = 0;
        for (ShipmentRow r : open) {
            if (!pulls(r.carrierId())) {
                continue;
            }
            int n = pull(r);
            if (n < 0) {
                failures++;
            } else {
                pulled += n;
            }
        }
        receipts.catchUp();
        Instant now = ctx.now();
        int alerts = raiseAlerts(now);
        int dropped = intake.dropUnclaimed(now);
        if (dropped > 0) {
            LOG.warn("Dropped {} tracking event(s) parked for over {} for waybills no booking returned", dropped,
                    TrackingIntake.PARKED_FOR);
        }
        return new ScanResult(open.size(), pulled, failures, alerts);
    }

    private List<ShipmentRow> open(String and) {
        return Transactions.read(ctx.ds, c -> ShipmentDao.query(c, ShipmentDao.OPEN + and, List.of(), "ORDER BY id"));
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

    private int raiseAlerts(Instant now) {
        int alerts = 0;
        for (ShipmentRow r : open(" AND booked_at IS NOT NULL")) {
            Sla sla = SlaClock.evaluate(r.terms().deadlines(), r.progress(), true, now);
            for (SlaMilestone m : sla.milestones()) {
                if (!m.state().isAlert()) {
                    continue;
                }
                if (flag(r, m, now)) {
                    alerts++;
                    LOG.warn("Shipment {} ({} waybill {}): {} promise {} (due {})", r.number(), r.carrierId(), r.waybill(),
                            m.name(), m.state(), m.due());
                }
            }
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
