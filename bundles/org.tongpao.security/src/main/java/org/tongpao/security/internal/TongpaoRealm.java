package org.tongpao.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.NodeIdentity;

/**
 * The {@code tongpao} JAAS realm the REST API authenticates against. Users live in a properties file of
 * their own (not Karaf's {@code users.properties}), so console administrators and API users stay apart.
 * In demo mode the README's demo accounts are added; otherwise they are removed, and a first start
 * without an {@code admin} generates a random password and says where to find it.
 */
// tongpao.realm marks our realm for the REST bundle's health check
@Component(service = JaasRealm.class, configurationPid = "org.tongpao.security", property = "tongpao.realm=true")
@Designate(ocd = TongpaoRealm.Config.class)
public class TongpaoRealm implements JaasRealm {

    private static final Logger LOG = LoggerFactory.getLogger(TongpaoRealm.class);

    @ObjectClassDefinition(name = "Tongpao security", description = "The JAAS realm of the REST API")
    public @interface Config {
        @AttributeDefinition(description = "JAAS realm name")
        String realm() default "tongpao";

        @AttributeDefinition(description = "Users file; relative paths are resolved against karaf.etc")
        String usersFile() default "tongpao-users.properties";

        @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes; weaker stored "
                + "hashes are re-hashed at the user's next login (OWASP: 600,000)", min = "100000")
        int hashIterations() default PasswordHash.OWASP_ITERATIONS;
    }

    private final String name;
    private final AppConfigurationEntry[] entries;

    /** {@code encryption} is only waited for: a login before the hook is there would stall 20 s in Karaf. */
    @Activate
    public TongpaoRealm(BundleContext context, Config config, @Reference NodeIdentity node,
            @Reference(target = "(name=" + Pbkdf2EncryptionService.NAME + ")") EncryptionService encryption) {
        this.name = config.realm();
        Path users = resolve(context, config.usersFile());
        PasswordHash hasher = new PasswordHash(config.hashIterations());
        try {
            prepareUsers(users, node.demo(), dataDir(context), hasher);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the users file " + users, e);
        }
        Map<String, Object> options = new HashMap<>();
        options.put(BundleContext.class.getName(), context);
        options.put(ProxyLoginModule.PROPERTY_MODULE, TongpaoLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put("users", users.toString());
        options.put("detailed.login.exception", "false");
        options.put("encryption.enabled", "true");
        // Karaf's encryption hook, so jaas:user-add writes what the login module verifies
        options.put("encryption.name", Pbkdf2EncryptionService.NAME);
        options.put(TongpaoLoginModule.ITERATIONS_OPTION, Integer.toString(hasher.iterations()));
        options.put("encryption.prefix", UserFile.CRYPT);
        options.put("encryption.suffix", UserFile.CRYPT);
        this.entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, options)
        };
        LOG.info("JAAS realm '{}' ready, users in {}", name, users);
    }

    /** Applies the demo-mode rules to the users file; package-private for the tests. */
    static void prepareUsers(Path usersFile, boolean demo, Path dataDir, PasswordHash hasher) throws IOException {
        synchronized (UserFile.WRITE_LOCK) {
            prepareUsersLocked(usersFile, demo, dataDir, hasher);
        }
    }

    private static void prepareUsersLocked(Path usersFile, boolean demo, Path dataDir, PasswordHash hasher)
            throws IOException {
        UserFile users = UserFile.load(usersFile, hasher);
        boolean changed;
        if (demo) {
            int added = users.ensureDemoAccounts();
            changed = added > 0;
            LOG.warn("Demo mode: demo accounts {} are enabled with password '{}'; never use demo mode in production",
                    UserFile.DEMO_ACCOUNTS.keySet(), UserFile.DEMO_PASSWORD);
        } else {
            int removed = users.removeDemoAccounts();
            changed = removed > 0;
            if (removed > 0) {
                LOG.warn("Demo mode is off: removed {} demo account(s) that still had the demo password", removed);
            }
            if (!users.has("admin")) {
                String password = UserFile.generatePassword(new SecureRandom());
                users.put("admin", password, List.of("ministry-admin"));
                Path note = dataDir.resolve("tongpao").resolve("initial-admin-password");
                Files.createDirectories(note.getParent());
                Files.writeString(note, password + "\n", StandardCharsets.UTF_8);
                UserFile.restrictToOwner(note);
                changed = true;
                LOG.warn("First start: generated a password for 'admin' (ministry-admin); it is in {}. Change it "
                        + "with: jaas:realm-manage --realm tongpao; jaas:user-add admin <new>; jaas:update "
                        + "(then delete that file)", note);
            }
        }
        if (changed) {
            users.save();
        }
    }

    private static Path resolve(BundleContext context, String file) {
        Path p = Paths.get(file);
        if (p.isAbsolute()) {
            return p;
        }
        String etc = context.getProperty("karaf.etc");
        return etc == null ? p.toAbsolutePath() : Paths.get(etc).resolve(p);
    }

    private static Path dataDir(BundleContext context) {
        String data = context.getProperty("karaf.data");
        return data == null ? Paths.get("data").toAbsolutePath() : Paths.get(data);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
