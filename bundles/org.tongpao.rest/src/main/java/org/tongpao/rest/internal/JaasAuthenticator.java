package org.tongpao.rest.internal;

import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in against a JAAS realm (Karaf installs a global JAAS configuration, so the realm name is
 * enough from any bundle). Principals are recognised by class name, as CXF's JAASAuthenticationFilter
 * does, so this bundle need not import Karaf's principal package.
 */
final class JaasAuthenticator implements Authenticator {
    static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
    static final String USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final Supplier<String> realm;

    JaasAuthenticator(Supplier<String> realm) {
        this.realm = realm;
    }

    @Override
    public Optional<Identity> authenticate(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext lc = new LoginContext(realm.get(), subject, callbacks -> handle(callbacks, user, password));
            lc.login();
            Optional<Identity> identity = Optional.of(identity(user, subject.getPrincipals()));
            logout(lc);
            return identity;
        } catch (LoginException e) {
            // wrong credentials are routine; the filter logs the attempt without the password
            LOG.debug("JAAS login to realm {} failed: {}", realm.get(), e.getMessage());
            return Optional.empty();
        }
    }

    static Identity identity(String user, Set<Principal> principals) {
        String name = user;
        Set<String> roles = new HashSet<>();
        for (Principal p : principals) {
            String cls = p.getClass().getName();
            if (ROLE_PRINCIPAL.equals(cls)) {
                roles.add(p.getName());
            } else if (USER_PRINCIPAL.equals(cls)) {
                name = p.getName();
            }
        }
        return new Identity(name, roles);
    }

    private static void handle(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback nc) {
                nc.setName(user);
            } else if (c instanceof PasswordCallback pc) {
                pc.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    private static void logout(LoginContext lc) {
        try {
            lc.logout();
        } catch (LoginException e) {
            // the principals were already read; a failed logout only leaves a stale subject behind
            LOG.debug("JAAS logout failed: {}", e.getMessage());
        }
    }
}
