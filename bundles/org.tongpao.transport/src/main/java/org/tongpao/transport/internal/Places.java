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
import org.tongpao.transport.api.Place;
import org.tongpao.transport.api.ShipmentOrder;

/** Depots as the ends of a move: who may name them, whether they can ship, their key area, and the carrier's order. */
record Places(TransportContext ctx) {
    /** A depot named in the body that the caller must see: unknown or invisible is the same 404. */
    long visibleDepot(Caller caller, Long id, String field) {
        return ScopeRules.namedInBody(field, id, () -> ctx.depots.get(caller, id)).id();
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

    /** The key area the depot lies in: its province declared whole, or an org unit above the depot's. */
    KeyArea keyArea(Caller system, Depot d) {
        List<KeyArea> areas = ctx.needs.keyAreas(system);
        if (areas.isEmpty()) {
            return null;
        }
        Set<Long> ancestry = new HashSet<>();
        Long unit = d.orgUnitId();
        while (unit != null && ancestry.add(unit)) {
            OrgUnit u = ctx.units.get(system, unit);
            unit = u.parentId();
        }
        return areas.stream().filter(a -> a.orgUnitId() == null ? Objects.equals(a.provinceCode(), d.provinceCode())
                : ancestry.contains(a.orgUnitId())).findFirst().orElse(null);
    }

    /** The order the carrier gets for a stored shipment; a {@code deliverBy} already past is left out. */
    ShipmentOrder order(ShipmentRow r) {
        Caller system = Caller.system("transport");
        Depot from = ctx.depots.get(system, r.fromDepotId());
        Depot to = ctx.depots.get(system, r.toDepotId());
        Instant now = ctx.now();
        ShipmentRow.Cargo cargo = r.cargo();
        return new ShipmentOrder(r.number(), place(from), place(to), cargo.packages(), cargo.weightKg(), cargo.mode(), now,
                cargo.deliverBy() != null && cargo.deliverBy().isAfter(now) ? cargo.deliverBy() : null,
                r.route().keyArea(), cargo.notes());
    }

    static Place place(Depot d) {
        // a central depot has no province; carriers need one: the ministry sits in Beijing (11)
        return new Place(d.code(), d.provinceCode() == null ? "11" : d.provinceCode(), d.name(), d.address(), null, null);
    }
}
