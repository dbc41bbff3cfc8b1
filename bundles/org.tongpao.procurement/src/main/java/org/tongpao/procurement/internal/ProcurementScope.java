package org.tongpao.procurement.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Paging;

/**
 * Who may see and change procurement data, on top of {@link ScopeRules}:
 * <ul>
 * <li>buyers: {@code procurement-officer} without a province (the ministry's) and {@code ministry-admin} act on
 * everything; {@code procurement-officer} + {@code province-<code>} on its province's orders and suppliers, and
 * reads the national suppliers;</li>
 * <li>{@code ministry-officer} and {@code auditor} read everything; a {@code province-officer} reads its
 * province's orders; a {@code depot-keeper} reads the orders delivered to its depot;</li>
 * <li>receiving goods against an order is a stock write at its depot: ministry roles, the depot's province
 * officer or its keeper (the inventory checks the same again);</li>
 * <li>a supplier's contact is personal data: buyers only.</li>
 * </ul>
 * A record outside the caller's read scope is reported as missing (404), as everywhere.
 */
final class ProcurementScope {

    private ProcurementScope() {
    }

    static boolean isBuyer(Caller caller) {
        return caller.hasRole(Roles.PROCUREMENT_OFFICER) || caller.hasRole(Roles.MINISTRY_ADMIN);
    }

    /** The province a buyer is bound to, or null for a buyer of the ministry (all provinces). */
    static String buyerProvince(Caller caller) {
        return caller.hasRole(Roles.MINISTRY_ADMIN) ? null : caller.provinceCode();
    }

    static boolean seesEverything(Caller caller) {
        return caller.isMinistry() || caller.hasRole(Roles.AUDITOR)
                || (caller.hasRole(Roles.PROCUREMENT_OFFICER) && caller.provinceCode() == null);
    }

    /** Whether the caller may read an order of {@code province} (null: the ministry's) delivered to a depot. */
    static boolean canReadOrder(Caller caller, String province, String depotCode) {
        if (seesEverything(caller)) {
            return true;
        }
        boolean provincial = caller.hasRole(Roles.PROCUREMENT_OFFICER) || caller.hasRole(Roles.PROVINCE_OFFICER);
        if (provincial && caller.provinceCode() != null && caller.provinceCode().equals(province)) {
            return true;
        }
        return caller.hasRole(Roles.DEPOT_KEEPER) && depotCode != null && depotCode.equals(caller.depotCode());
    }

    /**
     * The SQL form of {@link #canReadOrder}, added to a page's query (nothing for a caller who sees everything);
     * {@code depotColumn} null for rows delivered to no depot (quotes).
     */
    static void readCondition(Caller caller, Paging.Query q, String provinceColumn, String depotColumn) {
        if (seesEverything(caller)) {
            return;
        }
        boolean provincial = (caller.hasRole(Roles.PROCUREMENT_OFFICER) || caller.hasRole(Roles.PROVINCE_OFFICER))
                && caller.provinceCode() != null;
        boolean keeper = depotColumn != null && caller.hasRole(Roles.DEPOT_KEEPER) && caller.depotCode() != null;
        StringBuilder any = new StringBuilder("1 = 0");
        List<Object> args = new ArrayList<>();
        if (provincial) {
            any.append(" OR ").append(provinceColumn).append(" = ?");
            args.add(caller.provinceCode());
        }
        if (keeper) {
            any.append(" OR ").append(depotColumn).append(" = ?");
            args.add(caller.depotCode());
        }
        q.and(any.toString(), args);
    }

    /** Whether the caller may change (submit, approve, place, cancel) an order of {@code province}. */
    static boolean canWriteOrder(Caller caller, String province) {
        if (!isBuyer(caller)) {
            return false;
        }
        String own = buyerProvince(caller);
        return own == null || own.equals(province);
    }

    /** Role-level check before any lookup: may the caller buy at all? */
    static void requireBuyer(Caller caller) {
        if (!isBuyer(caller)) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "Only procurement officers may change suppliers and purchase orders");
        }
    }

    /** Role-level check before any lookup: may the caller receive goods at all? */
    static void requireReceiver(Caller caller) {
        boolean scoped = (caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null)
                || (caller.hasRole(Roles.DEPOT_KEEPER) && caller.depotCode() != null);
        if (!caller.isMinistry() && !scoped) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "Receiving goods is a stock write: ministry roles, the depot's province officer or keeper");
        }
    }

    /** Data-level check on a visible order: may the caller receive into its depot? */
    static boolean canReceive(Caller caller, String depotProvince, String depotCode) {
        if (caller.isMinistry()) {
            return true;
        }
        if (caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null) {
            return caller.provinceCode().equals(depotProvince);
        }
        return caller.hasRole(Roles.DEPOT_KEEPER) && depotCode != null && depotCode.equals(caller.depotCode());
    }

    /** Whether the caller may see a supplier of {@code province} (null: national, seen by every reader). */
    static boolean canReadSupplier(Caller caller, String province) {
        return province == null || seesEverything(caller) || province.equals(caller.provinceCode());
    }

    /** Whether the caller may register or change a supplier of {@code province}. */
    static boolean canWriteSupplier(Caller caller, String province) {
        return canWriteOrder(caller, province);
    }

    /** Whether the caller gets suppliers' contact persons (personal data). */
    static boolean seesContacts(Caller caller) {
        return isBuyer(caller);
    }
}
