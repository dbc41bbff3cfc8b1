package org.tongpao.rest.internal;

import java.util.Optional;
import java.util.Set;

/** Checks a user name and password; JAAS in production, a stub in in-process tests. */
interface Authenticator {

    /** The authenticated user and its raw role names, or empty when the credentials are wrong. */
    Optional<Identity> authenticate(String user, char[] password);

    record Identity(String user, Set<String> roles) {
        public Identity {
            roles = Set.copyOf(roles);
        }
    }
}
