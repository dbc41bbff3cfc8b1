package org.tongpao.core;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The organisation tree. Every method applies {@link ScopeRules}: another province's unit is
 * reported as not found; writes outside the caller's scope are denied.
 */
@ProviderType
public interface OrgUnitService {

    /** {@code limit} 1..500, {@code cursor} null or the {@code nextCursor} of a previous page. */
    Page<OrgUnit> list(Caller caller, OrgUnitFilter filter, int limit, String cursor);

    OrgUnit get(Caller caller, long id);

    /** Finds a unit by its code (scope rules apply). */
    OrgUnit getByCode(Caller caller, String code);

    /** {@code idempotencyKey} may be null; a repeat returns the first result and creates nothing. */
    OrgUnit create(Caller caller, NewOrgUnit command, String idempotencyKey);

    OrgUnit update(Caller caller, long id, OrgUnitUpdate command, String idempotencyKey);

    /**
     * Marks a unit inactive; refused (409) while it has active children or active depots.
     * {@code expectedVersion} may be null (no optimistic check).
     */
    OrgUnit deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey);
}
