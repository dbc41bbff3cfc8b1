package org.tongpao.donation.internal;

import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;

/**
 * Who may see and change donation data, on top of {@link org.tongpao.core.ScopeRules}:
 * <ul>
 * <li>writers: {@code donation-officer} without a province (the ministry's desk) and {@code ministry-admin} act on
 * everything; {@code donation-officer} + {@code province-<code>} on its province's donations and donors;</li>
 * <li>readers: {@code ministry-officer} and {@code auditor} too (everything); a {@code province-officer} reads its
 * province's donations;</li>
 * <li>a donor's contact is personal data: the {@code donation-officer} role only, not even the ministry admin;</li>
 * <li>a donor registered by the ministry's desk (no province) is visible to every donation officer, so a province
 * can take a national donor's pledge.</li>
 * </ul>
 * A record outside the caller's read scope is reported as missing (404), as everywhere.
 */
final class DonationScope {

    private DonationScope() {
    }

    static boolean isOfficer(Caller caller) {
        return caller.hasRole(Roles.DONATION_OFFICER);
    }

    static boolean isWriter(Caller caller) {
        return isOfficer(caller) || caller.hasRole(Roles.MINISTRY_ADMIN);
    }

    /** The province a writer is bound to, or null for the ministry's (all provinces). */
    static String writerProvince(Caller caller) {
        return caller.hasRole(Roles.MINISTRY_ADMIN) ? null : caller.provinceCode();
    }

    static boolean seesEverything(Caller caller) {
        return caller.isMinistry() || caller.hasRole(Roles.AUDITOR)
                || (isOfficer(caller) && caller.provinceCode() == null);
    }

    static boolean isReader(Caller caller) {
        return seesEverything(caller) || ((isOfficer(caller) || caller.hasRole(Roles.PROVINCE_OFFICER))
                && caller.provinceCode() != null);
    }

    /** Whether the caller may read a donation of {@code province} (null: the ministry's desk). */
    static boolean canReadDonation(Caller caller, String province) {
        if (seesEverything(caller)) {
            return true;
        }
        return isReader(caller) && province != null && province.equals(caller.provinceCode());
    }

    /** Whether the caller may change a donation (or donor) of {@code province}. */
    static boolean canWrite(Caller caller, String province) {
        if (!isWriter(caller)) {
            return false;
        }
        String own = writerProvince(caller);
        return own == null || own.equals(province);
    }

    /** Whether the caller may see a donor of {@code province}: national donors are seen by every reader. */
    static boolean canReadDonor(Caller caller, String province) {
        return province == null ? isReader(caller) : canReadDonation(caller, province);
    }

    /** Whether the caller gets donors' contact details (personal data). */
    static boolean seesContacts(Caller caller) {
        return isOfficer(caller);
    }

    static void requireReader(Caller caller) {
        if (!isReader(caller)) {
            throw new AccessDeniedException("Donations are read by ministry roles, auditors, donation officers and "
                    + "province officers");
        }
    }

    /** Role-level check before any lookup: may the caller take in donations at all? */
    static void requireWriter(Caller caller) {
        if (!isWriter(caller)) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "Only donation officers take in donations");
        }
    }

    /** The province a new record of a writer belongs to: its own, or the one the ministry's desk names. */
    static String provinceOf(Caller caller, String requested) {
        String own = writerProvince(caller);
        String province = requested == null || requested.isBlank() ? own : requested;
        if (!canWrite(caller, province)) {
            throw new AccessDeniedException("A province's donation officer acts for its own province only");
        }
        return province;
    }
}
