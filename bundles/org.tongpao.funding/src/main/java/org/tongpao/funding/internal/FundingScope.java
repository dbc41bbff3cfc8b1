package org.tongpao.funding.internal;

import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.funding.BudgetLine;

/**
 * Who reaches which budget lines. Ministry roles, auditors and national finance (no province) reach every line;
 * a caller bound to a province (its officer, its finance, its procurement officer) that province's lines only.
 * Lines are managed (opened, adjusted) by the ministry admin and finance (a province's finance: its own lines);
 * commitments are placed by whoever reaches the line and is not read-only: the calling bundle (procurement)
 * decides who may approve.
 */
final class FundingScope {
    private FundingScope() {
    }

    static boolean reachesAll(Caller caller) {
        return caller.isMinistry() || caller.hasRole(Roles.AUDITOR)
                || (caller.hasRole(Roles.FINANCE) && caller.provinceCode() == null);
    }

    /** Whether the caller may see lines held by {@code holder}. */
    static boolean canSee(Caller caller, String holder) {
        return reachesAll(caller) || (caller.provinceCode() != null && caller.provinceCode().equals(holder));
    }

    /** The one holder a province-bound caller's lists are limited to; null when it reaches all. */
    static String onlyHolder(Caller caller) {
        return reachesAll(caller) ? null : caller.provinceCode() == null ? "-" : caller.provinceCode();
    }

    /** Role-level check before any lookup: may the caller open and adjust lines at all? */
    static void requireManager(Caller caller) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN) && !caller.hasRole(Roles.FINANCE)) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "Only finance and the ministry admin manage budget lines");
        }
    }

    /** Data-level check on a visible or new line: a province's finance manages its own lines only. */
    static void requireManages(Caller caller, String holder) {
        boolean national = caller.hasRole(Roles.MINISTRY_ADMIN)
                || (caller.hasRole(Roles.FINANCE) && caller.provinceCode() == null);
        if (!national && !(caller.provinceCode() != null && caller.provinceCode().equals(holder))) {
            throw new AccessDeniedException(BudgetLine.MINISTRY.equals(holder)
                    ? "Only national finance and the ministry admin manage the ministry's lines"
                    : "The caller's scope does not allow managing this line");
        }
    }

    /** Role-level check for commitments, spends, releases: anyone who reaches lines and is not read-only. */
    static void requireCommitter(Caller caller) {
        if (caller.isReadOnly() || (!reachesAll(caller) && caller.provinceCode() == null)) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "The caller's role may not commit funds");
        }
    }
}
