package org.tongpao.transport.internal;

import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;

/**
 * Who sees and changes which shipment: ministry roles all, a province officer those from or to its province, a
 * depot keeper those of its depot, a partner account its own carrier's. A shipment out of sight is unknown (404).
 */
record Scope(TransportContext ctx) {
    /** The shipment if the caller may see it, else 404 as if unknown. */
    ShipmentRow readable(Caller caller, long id) {
        ShipmentRow r = ctx.get(id);
        ScopeRules.requireVisible(canRead(caller, r), ShipmentDao.LABEL, id);
        return r;
    }

    /** The shipment if the caller may change it (from or to its province). */
    ShipmentRow writable(Caller caller, long id) {
        ShipmentRow r = readable(caller, id);
        if (!caller.canWriteProvince(r.fromProvince()) && !caller.canWriteProvince(r.toProvince())) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "Shipment " + r.number() + " is outside the caller's scope");
        }
        return r;
    }

    static boolean canRead(Caller caller, ShipmentRow r) {
        String partner = partnerOf(caller);
        if (partner != null) {
            return partner.equals(r.carrierId());
        }
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> caller.provinceCode().equals(r.fromProvince()) || caller.provinceCode().equals(r.toProvince());
            case DEPOT -> caller.depotCode().equals(r.route().from().depotCode())
                    || caller.depotCode().equals(r.toDepotCode());
            case NONE -> false;
        };
    }

    /** The carrier a partner account speaks for, or null for any other caller. */
    static String partnerOf(Caller caller) {
        if (!caller.hasRole(Roles.PARTNER) || caller.isMinistry()) {
            return null;
        }
        return caller.roles().stream().filter(r -> r.startsWith(Roles.PARTNER_SCOPE_PREFIX))
                .map(r -> r.substring(Roles.PARTNER_SCOPE_PREFIX.length())).sorted().findFirst().orElse("");
    }

    static void requireReader(Caller caller) {
        if (partnerOf(caller) == null && ScopeRules.readReach(caller) == ScopeRules.Reach.NONE) {
            throw new AccessDeniedException("The caller's role may not read carriers");
        }
    }
}
