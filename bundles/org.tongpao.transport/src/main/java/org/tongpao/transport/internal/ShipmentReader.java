package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.Sla;
import org.tongpao.transport.SlaState;

/** Reads shipments within the caller's scope, with their SLA evaluated at the moment of reading. */
record ShipmentReader(TransportContext ctx, Scope scope) {
    private static final String EITHER_PROVINCE = "(from_province = ? OR to_province = ?)";

    Page<Shipment> shipments(Caller caller, ShipmentFilter filter, int limit, String cursor) {
        ShipmentFilter f = filter == null ? ShipmentFilter.all() : filter;
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        restrictToScope(caller, where, args);
        if (f.carrierId() != null) {
            and(where, args, "carrier_id = ?", f.carrierId());
        }
        if (f.status() != null) {
            and(where, args, "status = ?", f.status().name());
        }
        if (f.province() != null) {
            and(where, args, EITHER_PROVINCE, f.province());
        }
        if (f.batchId() != null) {
            and(where, args, "batch_id = ?", f.batchId());
        }
        Instant now = ctx.now();
        if (f.sla() == SlaState.BREACHED) {
            and(where, args, ShipmentDao.SLA_RUNNING + " AND " + ShipmentDao.BREACHED, now);
        } else if (f.sla() == SlaState.AT_RISK) {
            and(where, args, ShipmentDao.SLA_RUNNING + " AND NOT " + ShipmentDao.BREACHED + " AND " + ShipmentDao.AT_RISK,
                    now);
        } else if (f.sla() != null) {
            throw new ValidationException("sla", "filter by sla=BREACHED or sla=AT_RISK");
        }
        List<Shipment> rows = Transactions.read(ctx.ds, c -> ShipmentDao.query(c, where.toString(), args,
                Paging.orderAndFetch("id", limit))).stream().map(r -> view(r, now)).toList();
        return Paging.page(rows, limit, Shipment::id);
    }

    /** Adds {@code AND condition}, with {@code value} for each of its parameters. */
    private static void and(StringBuilder where, List<Object> args, String condition, Object value) {
        where.append(" AND ").append(condition);
        condition.chars().filter(ch -> ch == '?').forEach(ch -> args.add(value));
    }

    /** The same reach as {@link Scope#canRead}, as SQL. */
    private static void restrictToScope(Caller caller, StringBuilder where, List<Object> args) {
        String partner = Scope.partnerOf(caller);
        if (partner != null) {
            and(where, args, "carrier_id = ?", partner);
            return;
        }
        switch (ScopeRules.readReach(caller)) {
            case ALL -> { }
            case PROVINCE -> and(where, args, EITHER_PROVINCE, caller.provinceCode());
            case DEPOT -> and(where, args, "(from_depot_code = ? OR to_depot_code = ?)", caller.depotCode());
            case NONE -> throw new AccessDeniedException("The caller's role may not read " + JdbcTransportService.WHAT);
        }
    }

    Shipment shipment(Caller caller, long id) {
        return view(scope.readable(caller, id), ctx.now());
    }

    List<ShipmentEvent> events(Caller caller, long shipmentId) {
        scope.readable(caller, shipmentId);
        return Transactions.read(ctx.ds, c -> TimelineDao.events(c, shipmentId));
    }

    Shipment view(ShipmentRow r) {
        return view(r, ctx.now());
    }

    Shipment view(ShipmentRow r, Instant now) {
        ShipmentRow.Route route = r.route();
        ShipmentRow.Cargo cargo = r.cargo();
        ShipmentRow.Terms terms = r.terms();
        ShipmentRow.Handover handover = r.handover();
        SlaClock.Progress progress = r.progress();
        Sla sla = terms.deadlines() == null ? null
                : SlaClock.evaluate(terms.deadlines(), progress, r.slaRunning(), now);
        return new Shipment(r.id(), r.number(), route.batchId(), route.batchNumber(), route.from().depotId(),
                route.from().depotCode(), route.from().province(), route.to().depotId(), route.to().depotCode(),
                route.to().province(), route.keyArea(), route.keyAreaLabel(), r.carrierId(),
                ctx.registry.isAvailable(r.carrierId()), r.waybill(), r.status(), r.failure(), cargo.packages(),
                cargo.weightKg(), cargo.mode(), cargo.deliverBy(), cargo.notes(), terms.quotedPrice(),
                terms.quotedCurrency(), terms.bookedAt(), progress.acceptedAt(), progress.pickedUpAt(),
                progress.deliveredAt(), handover.dispatchedAt(), handover.dispatchedBy(), handover.receivedAt(),
                handover.receivedBy(), r.proof(), r.pass(), sla, r.stamp().createdBy(), r.stamp().createdAt(),
                r.stamp().updatedAt(), r.version(), route.to().orgUnitId(), route.to().orgUnitCode());
    }
}
