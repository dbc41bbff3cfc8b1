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

/** Reads shipments within the caller's scope, with their SLA evaluated at the moment of reading. */
record ShipmentReader(TransportContext ctx, Scope scope) {
    Page<Shipment> shipments(Caller caller, ShipmentFilter filter, int limit, String cursor) {
        ShipmentFilter f = filter == null ? ShipmentFilter.all() : filter;
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        restrictToScope(caller, where, args);
        if (f.carrierId() != null) {
            where.append(" AND carrier_id = ?");
            args.add(f.carrierId());
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            args.add(f.status().name());
        }
        if (f.province() != null) {
            where.append(" AND (from_province = ? OR to_province = ?)");
            args.add(f.province());
            args.add(f.province());
        }
        if (f.batchId() != null) {
            where.append(" AND batch_id = ?");
            args.add(f.batchId());
        }
        Instant now = ctx.now();
        if (f.sla() != null) {
            switch (f.sla()) {
                case BREACHED -> {
                    where.append(" AND ").append(ShipmentDao.OPEN).append(" AND ").append(ShipmentDao.BREACHED);
                    args.addAll(List.of(now, now, now));
                }
                case AT_RISK -> {
                    where.append(" AND ").append(ShipmentDao.OPEN).append(" AND NOT ").append(ShipmentDao.BREACHED)
                            .append(" AND ").append(ShipmentDao.AT_RISK);
                    args.addAll(List.of(now, now, now, now, now, now));
                }
                default -> throw new ValidationException("sla", "filter by sla=BREACHED or sla=AT_RISK");
            }
        }
        List<Shipment> rows = Transactions.read(ctx.ds, c -> ShipmentDao.query(c, where.toString(), args,
                Paging.orderAndFetch("id", limit))).stream().map(r -> view(r, now)).toList();
        return Paging.page(rows, limit, Shipment::id);
    }

    /** The same reach as {@link Scope#canRead}, as SQL. */
    private static void restrictToScope(Caller caller, StringBuilder where, List<Object> args) {
        String partner = Scope.partnerOf(caller);
        if (partner != null) {
            where.append(" AND carrier_id = ?");
            args.add(partner);
            return;
        }
        switch (ScopeRules.readReach(caller)) {
            case ALL -> { }
            case PROVINCE -> {
                where.append(" AND (from_province = ? OR to_province = ?)");
                args.add(caller.provinceCode());
                args.add(caller.provinceCode());
            }
            case DEPOT -> {
                where.append(" AND (from_depot_code = ? OR to_depot_code = ?)");
                args.add(caller.depotCode());
                args.add(caller.depotCode());
            }
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
                : SlaClock.evaluate(terms.deadlines(), progress, r.status().isOpen(), now);
        return new Shipment(r.id(), r.number(), route.batchId(), route.batchNumber(), route.from().depotId(),
                route.from().depotCode(), route.from().province(), route.to().depotId(), route.to().depotCode(),
                route.to().province(), route.keyArea(), route.keyAreaLabel(), r.carrierId(),
                ctx.registry.isAvailable(r.carrierId()), r.waybill(), r.status(), r.failure(), cargo.packages(),
                cargo.weightKg(), cargo.mode(), cargo.deliverBy(), cargo.notes(), terms.quotedPrice(),
                terms.quotedCurrency(), terms.bookedAt(), progress.acceptedAt(), progress.pickedUpAt(),
                progress.deliveredAt(), handover.dispatchedAt(), handover.dispatchedBy(), handover.receivedAt(),
                handover.receivedBy(), r.proof(), r.pass(), sla, r.stamp().createdBy(), r.stamp().createdAt(),
                r.stamp().updatedAt(), r.version());
    }
}
