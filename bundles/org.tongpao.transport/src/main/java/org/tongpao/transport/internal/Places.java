package org.tongpao.transport.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tongpao.allocation.KeyArea;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.Place;
import org.tongpao.transport.api.PlaceKind;
import org.tongpao.transport.api.ShipmentOrder;

/** Depots as the ends of a move: who may name them, whether they can ship, their key area, and the carrier's order. */
record Places(TransportContext ctx) {
    /** A depot named in the body that the caller must see: unknown or invisible is the same 404. */
    long visibleDepot(Caller caller, Long id, String field) {
        return ScopeRules.namedInBody(field, id, () -> ctx.depots.get(caller, id)).id();
    }

    /** An org unit named in the body that the caller may deliver to: unknown or another province's is the same 404. */
    void visibleUnit(Caller caller, Long id, String field) {
        OrgUnit u = ScopeRules.namedInBody(field, id, () -> ctx.units.get(caller, id));
        if (!caller.isMinistry() && !java.util.Objects.equals(caller.provinceCode(), u.provinceCode())) {
            throw NotFoundException.ofField(field, id);
        }
    }

    /** A depot destination as the shipment stores it. */
    ShipmentRow.End depotEnd(Caller system, long id, String field) {
        Depot d = depot(system, id, field);
        return new ShipmentRow.End(d.id(), d.code(), d.provinceCode());
    }

    /**
     * An org unit without a depot (a front-line station) as the destination: active and in a province, else 400;
     * unknown is the 404 naming the field.
     */
    ShipmentRow.End unitEnd(Caller system, long id, String field) {
        OrgUnit u;
        try {
            u = ctx.units.get(system, id);
        } catch (NotFoundException e) {
            throw NotFoundException.ofField(field, id);
        }
        if (!u.active()) {
            throw new ValidationException(field, "org unit " + u.code() + " is inactive");
        }
        if (u.provinceCode() == null) {
            throw new ValidationException(field, "org unit " + u.code() + " belongs to no province");
        }
        return ShipmentRow.End.unit(u.id(), u.code(), u.provinceCode());
    }

    /** An active depot that can be an end of a move (a destination must lie in a province); 404 naming the field. */
    Depot depot(Caller system, long id, String field) {
        try {
            Depot d = ctx.depots.get(system, id);
            if (!d.active()) {
                throw new ValidationException(field, "depot " + d.code() + " is inactive");
            }
            if (d.provinceCode() == null && "toDepotId".equals(field)) {
                throw new ValidationException(field, "depot " + d.code() + " belongs to no province");
            }
            return d;
        } catch (NotFoundException e) {
            throw NotFoundException.ofField(field, id);
        }
    }

    /** The key area the destination lies in: its province declared whole, or an org unit at or above it. */
    KeyArea keyArea(Caller system, ShipmentRow.End to) {
        List<KeyArea> areas = ctx.needs.keyAreas(system);
        if (areas.isEmpty()) {
            return null;
        }
        Long unit = to.isUnit() ? to.orgUnitId() : ctx.depots.get(system, to.depotId()).orgUnitId();
        return keyArea(system, areas, to.province(), unit);
    }

    /** The key area the depot lies in: its province declared whole, or an org unit above the depot's. */
    KeyArea keyArea(Caller system, Depot d) {
        List<KeyArea> areas = ctx.needs.keyAreas(system);
        return areas.isEmpty() ? null : keyArea(system, areas, d.provinceCode(), d.orgUnitId());
    }

    private KeyArea keyArea(Caller system, List<KeyArea> areas, String province, Long start) {
        Set<Long> ancestry = new HashSet<>();
        Long unit = start;
        while (unit != null && ancestry.add(unit)) {
            OrgUnit u = ctx.units.get(system, unit);
            unit = u.parentId();
        }
        return areas.stream().filter(a -> a.orgUnitId() == null ? Objects.equals(a.provinceCode(), province)
                : ancestry.contains(a.orgUnitId())).findFirst().orElse(null);
    }

    /** The order the carrier gets for a stored shipment; a {@code deliverBy} already past is left out. */
    ShipmentOrder order(ShipmentRow r) {
        Caller system = Caller.system("transport");
        Depot from = ctx.depots.get(system, r.fromDepotId());
        Place to = place(system, r.route().to());
        Instant now = ctx.now();
        ShipmentRow.Cargo cargo = r.cargo();
        return new ShipmentOrder(r.number(), place(from), to, cargo.packages(), cargo.weightKg(), cargo.mode(), now,
                cargo.deliverBy() != null && cargo.deliverBy().isAfter(now) ? cargo.deliverBy() : null,
                r.route().keyArea(), cargo.notes());
    }

    /** The destination as the carrier's place: a depot, or a unit whose address is its area (no address on record). */
    Place place(Caller system, ShipmentRow.End to) {
        if (!to.isUnit()) {
            return place(ctx.depots.get(system, to.depotId()));
        }
        OrgUnit u = ctx.units.get(system, to.orgUnitId());
        return new Place(u.code(), u.provinceCode(), u.nameZh() != null ? u.nameZh() + " / " + u.name() : u.name(),
                area(system, u.id()), null, null);
    }

    /** What the carrier is told of the destination beyond its place: depot or unit, its area, its key area. */
    Destination destination(Caller system, ShipmentRow.End to) {
        KeyArea area = keyArea(system, to);
        long unit = to.isUnit() ? to.orgUnitId() : ctx.depots.get(system, to.depotId()).orgUnitId();
        return new Destination(to.isUnit() ? PlaceKind.ORG_UNIT : PlaceKind.DEPOT, area(system, unit),
                area == null ? null : area.label());
    }

    /**
     * The administrative area of a unit, outermost first, from the province down (the ministry left out): the
     * Chinese names where there are, e.g. {@code 湖北省公安厅 / 武汉市公安局 / 江岸区公安分局 / 江岸区一线防疫工作队}.
     */
    String area(Caller system, long unitId) {
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        for (Long at = unitId; at != null && seen.add(at); ) {
            OrgUnit u = ctx.units.get(system, at);
            if (u.provinceCode() == null) {
                break;
            }
            names.addFirst(u.nameZh() != null && !u.nameZh().isBlank() ? u.nameZh() : u.name());
            at = u.parentId();
        }
        String joined = String.join(" / ", names);
        return joined.length() <= 300 ? joined : joined.substring(joined.length() - 300);
    }

    static Place place(Depot d) {
        // a central depot has no province; carriers need one: the ministry sits in Beijing (11)
        return new Place(d.code(), d.provinceCode() == null ? "11" : d.provinceCode(), d.name(), d.address(), null, null);
    }
}
