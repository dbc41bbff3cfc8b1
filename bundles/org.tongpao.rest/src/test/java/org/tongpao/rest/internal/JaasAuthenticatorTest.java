package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JAAS path with a global Configuration, as Karaf installs one; Karaf's own realm is tested in itests. */
class JaasAuthenticatorTest {
    private static Configuration previous;

    /** Accepts officer/secret and adds Karaf-style principals. */
    public static class FixedLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject s, CallbackHandler h, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = s;
            this.handler = h;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback pw = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, pw});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!"officer".equals(name.getName()) || !"secret".equals(new String(pw.getPassword()))) {
                throw new FailedLoginException("bad credentials");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal("province-officer"));
            subject.getPrincipals().add(new RolePrincipal("province-42"));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    @BeforeAll
    static void installRealm() {
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                if (!"tongpao".equals(name)) {
                    return null;
                }
                return new AppConfigurationEntry[] {new AppConfigurationEntry(FixedLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())};
            }
        });
    }

    @AfterAll
    static void restore() {
        Configuration.setConfiguration(previous);
    }

    @Test
    void logsInAndReadsRoles() {
        Authenticator.Identity id = new JaasAuthenticator(() -> "tongpao")
                .authenticate("officer", "secret".toCharArray()).orElseThrow();
        assertThat(id.user()).isEqualTo("officer");
        assertThat(id.roles()).containsExactlyInAnyOrder("province-officer", "province-42");
    }

    @Test
    void wrongPasswordOrUnknownRealmFails() {
        assertThat(new JaasAuthenticator(() -> "tongpao").authenticate("officer", "nope".toCharArray())).isEmpty();
        assertThat(new JaasAuthenticator(() -> "other").authenticate("officer", "secret".toCharArray())).isEmpty();
    }
}
