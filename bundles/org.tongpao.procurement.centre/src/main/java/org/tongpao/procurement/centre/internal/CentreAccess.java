package org.tongpao.procurement.centre.internal;

import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;

/**
 * Who may do what at the centre: the ministry's procurement officers and administrators keep the agreements and
 * report progress; province procurement officers read agreements and their province's orders; auditors read.
 */
final class CentreAccess {
    private CentreAccess() {
    }

    static boolean ministryBuyer(Caller c) {
        return c.hasRole(Roles.MINISTRY_ADMIN)
                || (c.hasRole(Roles.PROCUREMENT_OFFICER) && c.provinceCode() == null);
    }

    static void requireMinistryBuyer(Caller c, String what) {
        if (!ministryBuyer(c)) {
            throw new AccessDeniedException("Only the ministry's procurement officers and administrators may " + what);
        }
    }

    /** A province officer sees its province's orders; the ministry, auditors and the platform see all. */
    static boolean canSeeOrder(Caller c, String buyerProvince) {
        return c.provinceCode() == null || c.provinceCode().equals(buyerProvince);
    }
}
