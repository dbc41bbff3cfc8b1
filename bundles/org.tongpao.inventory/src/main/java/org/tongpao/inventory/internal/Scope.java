package org.tongpao.inventory.internal;

import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;

/**
 * Depot-level scope on top of {@link ScopeRules}: ministry roles everywhere, auditors read only,
 * province officers the depots of their province, depot keepers their own depot.
 */
final class Scope {

    /** A depot as far as scope (and stock) is concerned: an inactive depot takes and gives no stock. */
    record DepotRef(long id, String code, String provinceCode, boolean active) {
    }

    private Scope() {
    }

    static boolean canRead(Caller caller, DepotRef depot) {
        return ScopeRules.canReadDepot(caller, depot.provinceCode(), depot.code());
    }

    static boolean canWrite(Caller caller, DepotRef depot) {
        if (caller.isMinistry()) {
            return true;
        }
        if (caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null) {
            return caller.provinceCode().equals(depot.provinceCode());
        }
        return caller.hasRole(Roles.DEPOT_KEEPER) && depot.code().equals(caller.depotCode());
    }

    /** A record addressed by its own id (lot, transfer, reservation): invisible is the same as missing. */
    static void requireRead(Caller caller, DepotRef depot, String entity, Object id) {
        ScopeRules.requireVisible(canRead(caller, depot), entity, id);
    }

    /**
     * A write on a depot named in the request, already found visible (an invisible one is a 404 first): outside
     * the caller's write scope is forbidden. The detail names no depot: the caller may see one side only.
     */
    static void requireWrite(Caller caller, DepotRef depot) {
        if (!canWrite(caller, depot)) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "The caller's scope does not allow changing stock of this depot");
        }
    }

    /** Role-level check before any work. */
    static void requireStockWriter(Caller caller) {
        boolean scoped = (caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null)
                || (caller.hasRole(Roles.DEPOT_KEEPER) && caller.depotCode() != null);
        if (!caller.isMinistry() && !scoped) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "The caller's role may not move stock");
        }
    }
}
