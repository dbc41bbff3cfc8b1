package org.tongpao.procurement.centre.internal.rest;

/** The procurement officer's role name, until core's {@code Roles} carries it (orders stream). */
final class CentreRoles {
    static final String PROCUREMENT_OFFICER = "procurement-officer";

    private CentreRoles() {
    }
}
