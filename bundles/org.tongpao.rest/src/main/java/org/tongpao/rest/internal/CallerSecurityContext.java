package org.tongpao.rest.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;
import org.tongpao.core.Caller;

/** The JAX-RS view of an authenticated caller, so {@code isUserInRole} works in resources. */
final class CallerSecurityContext implements SecurityContext {
    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller::user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.hasRole(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
