package org.tongpao.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The realm's user store: a Karaf properties-login-module file ({@code user = password,role,role}) whose
 * passwords are salted PBKDF2 hashes ({@link PasswordHash}) in Karaf's {@code {CRYPT}…{CRYPT}} form, so no
 * password is kept in clear. Entries of earlier releases hold unsalted SHA-256 digests; they still verify and
 * are re-hashed at the user's next login ({@link TongpaoLoginModule}).
 */
final class UserFile {

    static final String CRYPT = "{CRYPT}";

    /** The demo accounts listed in the README; they exist only while demo mode is on. */
    static final Map<String, List<String>> DEMO_ACCOUNTS = demoAccounts();
    static final String DEMO_PASSWORD = "demo";
    /**
     * The demo accounts' stored hashes, made once (PBKDF2-HMAC-SHA256, 600,000 iterations, a salt of their own
     * each) of the published password {@code demo}: hashing it afresh on every demo start would cost seven
     * slow hashes (seconds on a busy machine) on the boot path and protect nothing.
     */
    static final Map<String, String> DEMO_HASHES = demoHashes();

    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    /** Our rewrites of the file (start-up, hash upgrades at login) take turns. */
    static final Object WRITE_LOCK = new Object();

    private final Path file;
    private final PasswordHash hasher;
    private final Map<String, String> users = new TreeMap<>();

    private UserFile(Path file, PasswordHash hasher) {
        this.file = file;
        this.hasher = hasher;
    }

    static UserFile load(Path file) throws IOException {
        return load(file, new PasswordHash(PasswordHash.OWASP_ITERATIONS));
    }

    static UserFile load(Path file, PasswordHash hasher) throws IOException {
        UserFile f = new UserFile(file, hasher);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(n -> f.users.put(n, p.getProperty(n).trim()));
        }
        return f;
    }

    private static Map<String, List<String>> demoAccounts() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("admin", List.of("ministry-admin"));
        m.put("officer", List.of("ministry-officer"));
        m.put("hubei", List.of("province-officer", "province-42"));
        m.put("jiangsu", List.of("province-officer", "province-32"));
        m.put("auditor", List.of("auditor"));
        m.put("finance", List.of("finance"));
        // a keeper of the Wuhan city bureau store (a demo depot of core's Seeder) and the police fleet's
        // partner account (carrier id "fleet"), so the depot and partner scopes can be tried by hand
        m.put("keeper", List.of("depot-keeper", "depot-HB-WH-01"));
        m.put("fleet", List.of("partner", "partner-fleet"));
        // procurement: two ministry buyers (a normal order needs two different approvers) and two provinces' own
        m.put("buyer", List.of("procurement-officer"));
        m.put("buyer2", List.of("procurement-officer"));
        m.put("hubei-buyer", List.of("procurement-officer", "province-42"));
        m.put("jiangsu-buyer", List.of("procurement-officer", "province-32"));
        // donation intake: the ministry's desk and Hubei's (the only roles that see donors' contacts)
        m.put("donor-desk", List.of("donation-officer"));
        m.put("hubei-donor-desk", List.of("donation-officer", "province-42"));
        return m;
    }

    private static Map<String, String> demoHashes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("admin", "pbkdf2-sha256$600000$N49v3hJuOZFAaz6/hhFXtA$cAH7/p5RBb2Wg9eIkuy4Ku53Cpnixkt4rk085CWnnlA");
        m.put("officer", "pbkdf2-sha256$600000$69xFvsuEOlgE5NGYGfX9uw$Wo1yVpJONURGXOt4WFzEm0IHjOgtTFopf+VO8lj26Wk");
        m.put("hubei", "pbkdf2-sha256$600000$YeD/sxYiRJuSGolpODrI3Q$QKF9yUAiFMsvHu1c9ZmvKofpxm5LLncrp4Z/oisQigU");
        m.put("jiangsu", "pbkdf2-sha256$600000$79/ne+LR8U+k65vzVpEUNw$ELSKjDuoWYN9ZgJ1TnOtyySBwZRjWXxRTzUwVIR6AWM");
        m.put("auditor", "pbkdf2-sha256$600000$DzwdF44KPUCb8xstOsfhVg$gH3N9N+9pZCrYYBo+pktEEYaEsoISjINI2FSyMX9/uw");
        m.put("finance", "pbkdf2-sha256$600000$VPUTtC4Z1wxUrPKzWDQTkw$74Q5g2vSf0mpPDZ6sb45jSfY4QqbbsF0V6/+IGpvID8");
        m.put("keeper", "pbkdf2-sha256$600000$jewbIbhYR8j7Yj/xPSMB/Q$G2e+hWnjwzqAP7GIj4OMHDbZ76Slesd5g3cXOk/YtFI");
        m.put("fleet", "pbkdf2-sha256$600000$fUVQ4TW+tEabZ71wJndk9w$KNnQbhOnoIGd+Htncxj+ZCA5cxIL97QwreJ/J9vv8BY");
        m.put("buyer", "pbkdf2-sha256$600000$sqoZUsC/uGkHiR3ijl7oow$9J49NLS3nU8YiHcqaEXAbtWcq1tXQVSo9Jj0XZTFM5w");
        m.put("buyer2", "pbkdf2-sha256$600000$lOme2baGvB4x4uYeTOZNCQ$4IWizY6/adACpFzSQ3wegLczS7q/S5eqa6bqSTJMJHU");
        m.put("hubei-buyer", "pbkdf2-sha256$600000$v/Wnq0ygIT3+KS23p83J/w$jYsEHQ18i7OG56OYKFZJpWGy5v6Om6kj8jYg1FNF738");
        m.put("jiangsu-buyer", "pbkdf2-sha256$600000$84EltUIMZ92OfwJWiGT7TQ$xIcgJRHGDmhEdgnDGeN4ZQAXqbc41TgkQT77SdUV+Og");
        m.put("donor-desk", "pbkdf2-sha256$600000$bYK82/vYMaA/g4RNoEK3FA$N7xJU3/Dut1/FcGV+jZt4npHS/rNKu7wpSkXsRdov7c");
        m.put("hubei-donor-desk", "pbkdf2-sha256$600000$16F4g9a9xCPe48ThD8YPww$iwW7vOa6qjFLifYj0YsyxmJmPHyrWe7LNZz604ssDnk");
        return m;
    }

    /** The stored form of a password: a fresh salted hash inside Karaf's encryption prefix and suffix. */
    String encode(String password) {
        return CRYPT + hasher.hash(password) + CRYPT;
    }

    /** The hash inside {@code {CRYPT}…{CRYPT}}, or the entry's raw first field when it has no such marks. */
    static String unwrap(String stored) {
        String s = stored.trim();
        if (s.length() >= 2 * CRYPT.length() && s.startsWith(CRYPT) && s.endsWith(CRYPT)) {
            return s.substring(CRYPT.length(), s.length() - CRYPT.length());
        }
        return s;
    }

    static String generatePassword(SecureRandom random) {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return sb.toString();
    }

    boolean has(String user) {
        return users.containsKey(user);
    }

    Optional<List<String>> roles(String user) {
        String entry = users.get(user);
        if (entry == null) {
            return Optional.empty();
        }
        String[] parts = entry.split(",");
        List<String> roles = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            roles.add(parts[i].trim());
        }
        return Optional.of(roles);
    }

    boolean passwordMatches(String user, String password) {
        String stored = storedPassword(user);
        return stored != null && PasswordHash.verify(password, unwrap(stored));
    }

    /** The entry's first field as written ({@code {CRYPT}…{CRYPT}}), or null for an unknown user. */
    String storedPassword(String user) {
        String entry = users.get(user);
        return entry == null ? null : entry.split(",")[0].trim();
    }

    void put(String user, String password, List<String> roles) {
        users.put(user, encode(password) + (roles.isEmpty() ? "" : "," + String.join(",", roles)));
    }

    /**
     * Replaces the user's stored password with {@code replacement}, keeping its roles, but only while it is
     * still {@code expected}: a password changed meanwhile (jaas:user-add) wins. Returns whether it replaced.
     */
    boolean replaceStoredPassword(String user, String expected, String replacement) {
        String entry = users.get(user);
        if (entry == null) {
            return false;
        }
        int comma = entry.indexOf(',');
        String current = (comma < 0 ? entry : entry.substring(0, comma)).trim();
        if (!current.equals(expected.trim())) {
            return false;
        }
        users.put(user, replacement + (comma < 0 ? "" : entry.substring(comma)));
        return true;
    }

    void remove(String user) {
        users.remove(user);
    }

    /** Adds the demo accounts (password {@code demo}) that are missing; returns how many were added. */
    int ensureDemoAccounts() {
        int added = 0;
        for (Map.Entry<String, List<String>> e : DEMO_ACCOUNTS.entrySet()) {
            if (!has(e.getKey())) {
                String shipped = DEMO_HASHES.get(e.getKey());
                if (shipped != null && PasswordHash.iterationsOf(shipped) == hasher.iterations()) {
                    users.put(e.getKey(), CRYPT + shipped + CRYPT + "," + String.join(",", e.getValue()));
                } else {
                    put(e.getKey(), DEMO_PASSWORD, e.getValue());
                }
                added++;
            }
        }
        return added;
    }

    /** Removes every demo account that still has the demo password; returns how many were removed. */
    int removeDemoAccounts() {
        int removed = 0;
        for (String user : DEMO_ACCOUNTS.keySet()) {
            String stored = storedPassword(user);
            boolean shipped = stored != null && unwrap(stored).equals(DEMO_HASHES.get(user));
            if (shipped || passwordMatches(user, DEMO_PASSWORD)) {
                users.remove(user);
                removed++;
            }
        }
        return removed;
    }

    /** Writes atomically, readable by the owner only: the file holds password digests. */
    void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("# Tongpao users: user = {CRYPT}pbkdf2-sha256$<iterations>$<salt>$<hash>{CRYPT},role[,role...]\n");
            w.write("# Roles: ministry-admin, ministry-officer, province-officer + province-<code>,\n");
            w.write("#        depot-keeper + depot-<code>, partner + partner-<id>, auditor,\n");
            w.write("#        finance [+ province-<code>], procurement-officer [+ province-<code>],\n");
            w.write("#        donation-officer [+ province-<code>].\n");
            w.write("# Manage from the console: jaas:realm-manage --realm tongpao; jaas:user-add ...; jaas:update\n");
            for (Map.Entry<String, String> e : users.entrySet()) {
                w.write(e.getKey() + " = " + e.getValue() + "\n");
            }
        }
        restrictToOwner(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void restrictToOwner(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the install directory's ACL applies
        }
    }
}
