package org.tongpao.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf's properties login module, plus two things it lacks: a stored hash weaker than today's (the unsalted
 * SHA-256 of earlier releases, or fewer PBKDF2 iterations) is re-hashed right after the user proved the
 * password, and a login for an unknown user costs the same hashing time as a wrong password, so response
 * times do not reveal which accounts exist. Verification itself is Karaf's, through our
 * {@link Pbkdf2EncryptionService}.
 */
public class TongpaoLoginModule extends PropertiesLoginModule {

    /** Login-module option: the iteration count new hashes get (and weaker ones are raised to). */
    static final String ITERATIONS_OPTION = "encryption.iterations";

    private static final Logger LOG = LoggerFactory.getLogger(TongpaoLoginModule.class);

    private Path usersFile;
    private PasswordHash hasher;
    private boolean passwordChecked;

    @Override
    public void initialize(Subject sub, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        super.initialize(sub, handler, sharedState, options);
        Object users = options.get("users");
        this.usersFile = users == null ? null : Paths.get(users.toString());
        Object n = options.get(ITERATIONS_OPTION);
        this.hasher = new PasswordHash(n == null ? PasswordHash.OWASP_ITERATIONS : Integer.parseInt(n.toString()));
    }

    @Override
    public boolean login() throws LoginException {
        passwordChecked = false;
        try {
            return super.login();
        } catch (FailedLoginException e) {
            if (!passwordChecked) {
                // unknown user: the stock module answers at once; spend what a wrong password would have cost
                PasswordHash.verify("x", Dummy.HASH);
            }
            throw e;
        }
    }

    @Override
    public boolean checkPassword(String password, String storedPassword) {
        passwordChecked = true;
        boolean ok = super.checkPassword(password, storedPassword);
        if (ok && usersFile != null && user != null) {
            upgradeIfWeak(usersFile, hasher, user, password, storedPassword);
        }
        return ok;
    }

    /**
     * Re-hashes the user's entry when its stored hash is weaker than {@code hasher}'s; a failure leaves the old
     * hash, which still works. Returns whether the file was rewritten.
     */
    static boolean upgradeIfWeak(Path usersFile, PasswordHash hasher, String name, String password,
            String storedPassword) {
        if (!hasher.needsUpgrade(UserFile.unwrap(storedPassword))) {
            return false;
        }
        try {
            synchronized (UserFile.WRITE_LOCK) {
                UserFile users = UserFile.load(usersFile, hasher);
                if (users.replaceStoredPassword(name, storedPassword, users.encode(password))) {
                    users.save();
                    LOG.info("Password hash of user '{}' upgraded to PBKDF2-HMAC-SHA256 with {} iterations", name,
                            hasher.iterations());
                    return true;
                }
                return false;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not upgrade the password hash of user '{}' in {}; it keeps its old hash", name, usersFile,
                    e);
            return false;
        }
    }

    /** A valid hash nobody's password matches, made on first use, to spend the time of a real check. */
    private static final class Dummy {
        static final String HASH = new PasswordHash(PasswordHash.OWASP_ITERATIONS).hash("no such user");
    }
}
