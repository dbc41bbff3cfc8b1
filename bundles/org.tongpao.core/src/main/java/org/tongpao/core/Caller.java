package org.tongpao.core;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the authenticated user, its roles, the province or depot it is bound to, and the
 * request id that ties its writes to the audit trail and the logs.
 */
public record Caller(String user, Set<String> roles, String provinceCode, String depotCode,
        String requestId) {

    public Caller {
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Builds a caller from a user and its raw role names, reading the scope roles (a {@code vouched:} role is dropped). */
    public static Caller of(String user, Set<String> rawRoles, String requestId) {
        // a login never carries the platform's vouching role, whatever a user file says (see vouchedFor)
        rawRoles = rawRoles.stream().filter(r -> !r.startsWith(Roles.VOUCHED_PREFIX))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        String province = scope(rawRoles, Roles.PROVINCE_SCOPE_PREFIX, Roles.PROVINCE_OFFICER);
        String depot = scope(rawRoles, Roles.DEPOT_SCOPE_PREFIX, Roles.DEPOT_KEEPER);
        return new Caller(user, rawRoles, province, depot, requestId);
    }

    /** The platform itself (migrations, seeding, shell commands run by an operator). */
    public static Caller system(String requestId) {
        return new Caller("system", Set.of(Roles.MINISTRY_ADMIN), null, null, requestId);
    }

    /**
     * The platform writing for {@code actor} in another bundle's service, after the calling service checked the
     * actor's own rights (the donation intake books lots for a donation officer who holds no depot role): the
     * platform's authority, but the actor's name and request id in postings and audit rows, and the role
     * {@code vouched:<service>} as the audit row's role so the trail tells both who and through what. @since 1.6
     */
    public static Caller vouchedFor(Caller actor, String service) {
        Objects.requireNonNull(actor, "actor");
        if (service == null || !service.matches("[a-z][a-z0-9.-]{0,40}")) {
            throw new IllegalArgumentException("service must be a short lower-case name: " + service);
        }
        return new Caller(actor.user(), Set.of(Roles.MINISTRY_ADMIN, Roles.VOUCHED_PREFIX + service), null, null,
                actor.requestId());
    }

    /** Whether this caller is the platform writing for someone (see {@link #vouchedFor}). @since 1.6 */
    public boolean isVouched() {
        return roles.stream().anyMatch(r -> r.startsWith(Roles.VOUCHED_PREFIX));
    }

    private static String scope(Set<String> roles, String prefix, String exceptRole) {
        return roles.stream()
                .filter(r -> r.startsWith(prefix) && !r.equals(exceptRole))
                .map(r -> r.substring(prefix.length()))
                .findFirst().orElse(null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Ministry roles see and act on every province. */
    public boolean isMinistry() {
        return hasRole(Roles.MINISTRY_ADMIN) || hasRole(Roles.MINISTRY_OFFICER);
    }

    /** Auditors read everything and change nothing. */
    public boolean isReadOnly() {
        return !isMinistry() && hasRole(Roles.AUDITOR);
    }

    /** Whether the caller may see data that belongs to the given province (null = national data). */
    public boolean canSeeProvince(String province) {
        if (isMinistry() || hasRole(Roles.AUDITOR)) {
            return true;
        }
        return province != null && province.equals(provinceCode);
    }

    /** Whether the caller may change data that belongs to the given province (null = national data). */
    public boolean canWriteProvince(String province) {
        if (hasRole(Roles.MINISTRY_ADMIN) || hasRole(Roles.MINISTRY_OFFICER)) {
            return true;
        }
        return hasRole(Roles.PROVINCE_OFFICER) && province != null && province.equals(provinceCode);
    }

    public Optional<String> province() {
        return Optional.ofNullable(provinceCode);
    }

    /** The role recorded in the audit trail: the most powerful one the caller holds. */
    public String primaryRole() {
        for (String r : roles) {
            if (r.startsWith(Roles.VOUCHED_PREFIX)) {
                return r;
            }
        }
        for (String r : new String[] {Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER,
                Roles.PROCUREMENT_OFFICER, Roles.DONATION_OFFICER, Roles.DEPOT_KEEPER, Roles.FINANCE, Roles.PARTNER, Roles.AUDITOR}) {
            if (roles.contains(r)) {
                return r;
            }
        }
        return "none";
    }
}
