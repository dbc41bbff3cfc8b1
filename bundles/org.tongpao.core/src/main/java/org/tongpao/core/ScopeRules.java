package org.tongpao.core;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Who may see and change province-bound data. One place for the rules so every bundle applies
 * the same thinking:
 * <ul>
 * <li>{@code ministry-admin}, {@code ministry-officer}: read and write everything.</li>
 * <li>{@code auditor}: reads everything, writes nothing (403).</li>
 * <li>{@code province-officer} (with {@code province-<code>}): reads and writes data of its own
 * province only. Another province's record is reported as not found (404) so its existence is not
 * revealed; lists are filtered to the province; a write outside it is denied (403). National data
 * (the ministry root, provincial departments, the catalogue) is changed by ministry roles only.</li>
 * <li>{@code depot-keeper} (with {@code depot-<code>}): reads its own depot, the catalogue and the
 * provinces; no org units; writes none of these.</li>
 * <li>{@code partner}: the catalogue and the provinces only.</li>
 * </ul>
 * Every write checks in this order, so no answer depends on whether an id the caller may not see exists:
 * <ol>
 * <li>the caller's role, before any lookup ({@link #requireScopedWriter}, {@link #requireMinistryWriter}: 403);</li>
 * <li>every id the request names, in the path or the body: missing or outside the caller's read scope is the
 * same 404 ({@link #visible}, {@link #visibleField}), whose detail names only what the caller sent;</li>
 * <li>only then the rules about the visible record (its level, write scope: 403; its state: 409; its
 * values: 400).</li>
 * </ol>
 */
public final class ScopeRules {

    /** How far a caller's reading reaches. */
    public enum Reach {
        /** Every province and the national data. */
        ALL,
        /** One province: {@link Caller#provinceCode()}. */
        PROVINCE,
        /** One depot: {@link Caller#depotCode()}. */
        DEPOT,
        /** No province-bound data at all. */
        NONE
    }

    private ScopeRules() {
    }

    public static Reach readReach(Caller caller) {
        if (caller.isMinistry() || caller.hasRole(Roles.AUDITOR)) {
            return Reach.ALL;
        }
        if (caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null) {
            return Reach.PROVINCE;
        }
        if (caller.hasRole(Roles.DEPOT_KEEPER) && caller.depotCode() != null) {
            return Reach.DEPOT;
        }
        return Reach.NONE;
    }

    /** Whether the caller may see an org unit (or other unit-level data) of {@code province}. */
    public static boolean canReadUnit(Caller caller, String province) {
        return switch (readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> province != null && province.equals(caller.provinceCode());
            default -> false;
        };
    }

    /** Whether the caller may see the depot {@code depotCode} of {@code province}. */
    public static boolean canReadDepot(Caller caller, String province, String depotCode) {
        return switch (readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> province != null && province.equals(caller.provinceCode());
            case DEPOT -> depotCode != null && depotCode.equals(caller.depotCode());
            case NONE -> false;
        };
    }

    /**
     * Whether a write that starts from the caller's own data (stock of a depot in {@code sourceProvince}) may
     * name a target in {@code targetProvince} (a unit stock is issued to, a depot it is sent to): ministry
     * roles anywhere, everyone else within the source's province. Movements between provinces go through
     * approved allocation batches (mutual aid). A target that fails this is reported like a missing id.
     *
     * @since 1.1
     */
    public static boolean canTarget(Caller caller, String sourceProvince, String targetProvince) {
        return caller.isMinistry() || (targetProvince != null && targetProvince.equals(sourceProvince));
    }

    /** Reports an invisible record exactly like a missing one. */
    public static void requireVisible(boolean visible, String entity, Object id) {
        if (!visible) {
            throw new NotFoundException(entity, id);
        }
    }

    /**
     * An id named in the request's path: the record when it exists and {@code canSee} accepts it; otherwise
     * 404, the same answer for a missing and an invisible record.
     *
     * @since 1.1
     */
    public static <T> T visible(Optional<T> found, Predicate<? super T> canSee, String entity, Object id) {
        return found.filter(canSee).orElseThrow(() -> new NotFoundException(entity, id));
    }

    /**
     * An id named in the request body (e.g. {@code depotId}, {@code lines[0].lotId}): the record when it
     * exists and {@code canSee} accepts it; otherwise 404 naming the field, the same answer for a missing and
     * an invisible record ({@link NotFoundException#ofField}).
     *
     * @since 1.1
     */
    public static <T> T visibleField(Optional<T> found, Predicate<? super T> canSee, String field, Object id) {
        return found.filter(canSee).orElseThrow(() -> NotFoundException.ofField(field, id));
    }

    /**
     * Looks up an id named in the request body through a service that reports a missing or invisible record
     * as {@link NotFoundException} (e.g. {@code depots.get(caller, id)}): that 404 then names the body's
     * field, like {@link #visibleField}. Only for a lookup of that one id.
     *
     * @since 1.1
     */
    public static <T> T namedInBody(String field, Object id, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException e) {
            throw NotFoundException.ofField(field, id);
        }
    }

    /** {@link #visibleField} for a check already made: false is the same 404 as a missing id. @since 1.1 */
    public static void requireVisibleField(boolean visible, String field, Object id) {
        if (!visible) {
            throw NotFoundException.ofField(field, id);
        }
    }

    /** Changes to national data (catalogue, ministry root, provincial departments): ministry roles only. */
    public static void requireMinistryWriter(Caller caller, String what) {
        if (!caller.isMinistry()) {
            throw new AccessDeniedException(deniedMessage(caller, what));
        }
    }

    /** Role-level check before any work: may the caller change province-bound data at all? */
    public static void requireScopedWriter(Caller caller, String what) {
        boolean provinceOfficer = caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null;
        if (!caller.isMinistry() && !provinceOfficer) {
            throw new AccessDeniedException(deniedMessage(caller, what));
        }
    }

    /** Data-level check: may the caller change data of {@code province} (null = national data)? */
    public static void requireWriteProvince(Caller caller, String province, String what) {
        if (!caller.canWriteProvince(province)) {
            // reached for visible records only (see the class comment); still, name no province
            throw new AccessDeniedException(province == null
                    ? "Only ministry roles may change " + what
                    : "The caller's scope does not allow changing these " + what);
        }
    }

    private static String deniedMessage(Caller caller, String what) {
        return caller.isReadOnly() ? "Auditors have read-only access" : "The caller's role may not change " + what;
    }
}
