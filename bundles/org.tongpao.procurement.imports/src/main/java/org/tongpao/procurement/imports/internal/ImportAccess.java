package org.tongpao.procurement.imports.internal;

import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;

/**
 * Who may do what: the ministry's procurement officers and administrators keep offers, rates and standards and record
 * an order's progress, customs and certificates; a province's procurement officer reads its province's orders.
 */
final class ImportAccess {
    private ImportAccess() {
    }

    static void requireOfficer(Caller c, String what) {
        if (!c.hasRole(Roles.MINISTRY_ADMIN) && !(c.hasRole(Roles.PROCUREMENT_OFFICER) && c.provinceCode() == null)) {
            throw new AccessDeniedException("Only the ministry's procurement officers and administrators may " + what);
        }
    }

    static boolean canSee(Caller c, String buyerProvince) {
        return c.provinceCode() == null || c.provinceCode().equals(buyerProvince);
    }
}
