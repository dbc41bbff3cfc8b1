package org.tongpao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TongpaoRealmTest {

    // a low count keeps these rules fast; demoAndGeneratedPasswordsAreStoredAsSaltedPbkdf2 uses the real one
    private static final PasswordHash FAST = new PasswordHash(1_000);
    private static final PasswordHash OWASP = new PasswordHash(PasswordHash.OWASP_ITERATIONS);

    @TempDir
    Path dir;

    @Test
    void demoModeAddsTheReadmeAccountsWithHashedPasswords() throws Exception {
        Path file = dir.resolve("etc/users.properties");
        TongpaoRealm.prepareUsers(file, true, dir.resolve("data"), FAST);

        UserFile users = UserFile.load(file, FAST);
        assertThat(users.passwordMatches("admin", "demo")).isTrue();
        assertThat(users.roles("hubei")).contains(List.of("province-officer", "province-42"));
        assertThat(users.roles("jiangsu")).contains(List.of("province-officer", "province-32"));
        assertThat(users.roles("auditor")).contains(List.of("auditor"));
        assertThat(Files.readString(file)).doesNotContain("= demo");
        assertThat(dir.resolve("data/tongpao/initial-admin-password")).doesNotExist();
    }

    @Test
    void productionModeShipsNoKnownPassword() throws Exception {
        Path file = dir.resolve("users.properties");
        TongpaoRealm.prepareUsers(file, true, dir, FAST);
        TongpaoRealm.prepareUsers(file, false, dir, FAST);

        UserFile users = UserFile.load(file, FAST);
        for (String demoUser : UserFile.DEMO_ACCOUNTS.keySet()) {
            assertThat(users.passwordMatches(demoUser, "demo")).as(demoUser).isFalse();
        }
        String generated = Files.readString(dir.resolve("tongpao/initial-admin-password")).trim();
        assertThat(generated).hasSize(20);
        assertThat(users.passwordMatches("admin", generated)).isTrue();
        assertThat(users.roles("admin")).contains(List.of("ministry-admin"));
    }

    @Test
    void anAdminChosenByTheOperatorIsKeptAcrossRestarts() throws Exception {
        Path file = dir.resolve("users.properties");
        UserFile users = UserFile.load(file, FAST);
        users.put("admin", "chosen-by-operator", List.of("ministry-admin"));
        users.save();

        TongpaoRealm.prepareUsers(file, false, dir, FAST);
        TongpaoRealm.prepareUsers(file, false, dir, FAST);

        assertThat(UserFile.load(file, FAST).passwordMatches("admin", "chosen-by-operator")).isTrue();
        assertThat(dir.resolve("tongpao/initial-admin-password")).doesNotExist();
    }

    @Test
    void aDemoAccountWhosePasswordWasChangedSurvivesLeavingDemoMode() throws Exception {
        Path file = dir.resolve("users.properties");
        TongpaoRealm.prepareUsers(file, true, dir, FAST);
        UserFile users = UserFile.load(file, FAST);
        users.put("hubei", "a-real-password", List.of("province-officer", "province-42"));
        users.save();

        TongpaoRealm.prepareUsers(file, false, dir, FAST);

        assertThat(UserFile.load(file, FAST).passwordMatches("hubei", "a-real-password")).isTrue();
    }

    @Test
    void demoAndGeneratedPasswordsAreStoredAsSaltedPbkdf2() throws Exception {
        Path file = dir.resolve("users.properties");
        TongpaoRealm.prepareUsers(file, true, dir, FAST);
        UserFile users = UserFile.load(file, FAST);
        String admin = UserFile.unwrap(users.storedPassword("admin"));
        assertThat(admin).startsWith("pbkdf2-sha256$1000$");
        assertThat(admin).as("same password, different salt")
                .isNotEqualTo(UserFile.unwrap(users.storedPassword("officer")));

        // the realm's default count: OWASP's 600,000 (one hash, about 0.2-1 s)
        Path other = dir.resolve("prod.properties");
        TongpaoRealm.prepareUsers(other, false, dir.resolve("prod"), OWASP);
        String generated = UserFile.load(other, OWASP).storedPassword("admin");
        assertThat(generated).startsWith("{CRYPT}pbkdf2-sha256$600000$").endsWith("{CRYPT}");
        assertThat(PasswordHash.iterationsOf(UserFile.unwrap(generated))).isEqualTo(600_000);
    }

    @Test
    void everyRoleHasADemoAccount() throws Exception {
        Path file = dir.resolve("users.properties");
        TongpaoRealm.prepareUsers(file, true, dir, FAST);
        UserFile users = UserFile.load(file, FAST);
        assertThat(users.roles("keeper")).contains(List.of("depot-keeper", "depot-HB-WH-01"));
        assertThat(users.roles("fleet")).contains(List.of("partner", "partner-fleet"));
        assertThat(users.passwordMatches("keeper", "demo")).isTrue();
        assertThat(users.passwordMatches("fleet", "demo")).isTrue();
        assertThat(users.roles("buyer")).contains(List.of("procurement-officer"));
        assertThat(users.roles("hubei-buyer")).contains(List.of("procurement-officer", "province-42"));
        assertThat(users.passwordMatches("buyer2", "demo")).isTrue();
        assertThat(users.passwordMatches("hubei-buyer", "demo")).isTrue();
    }

    @Test
    void leavingDemoModeAlsoRemovesDemoAccountsStillHoldingAnOldSha256Hash() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "hubei = {CRYPT}" + PasswordHash.legacySha256("demo") + "{CRYPT},province-officer,"
                + "province-42\n");

        TongpaoRealm.prepareUsers(file, false, dir, FAST);

        assertThat(UserFile.load(file, FAST).has("hubei")).isFalse();
    }

    @Test
    void theShippedDemoHashesAreSaltedOwaspHashesOfTheDemoPassword() throws Exception {
        assertThat(UserFile.DEMO_HASHES.keySet()).isEqualTo(UserFile.DEMO_ACCOUNTS.keySet());
        assertThat(UserFile.DEMO_HASHES.values()).doesNotHaveDuplicates()
                .allSatisfy(h -> assertThat(h).startsWith("pbkdf2-sha256$600000$"));
        // one full check (0.2-1 s); the rest only for their format
        assertThat(PasswordHash.verify("demo", UserFile.DEMO_HASHES.get("keeper"))).isTrue();

        Path file = dir.resolve("users.properties");
        TongpaoRealm.prepareUsers(file, true, dir, OWASP);
        assertThat(UserFile.unwrap(UserFile.load(file, OWASP).storedPassword("fleet")))
                .isEqualTo(UserFile.DEMO_HASHES.get("fleet"));
        TongpaoRealm.prepareUsers(file, false, dir, OWASP);
        assertThat(UserFile.load(file, OWASP).has("fleet")).isFalse();
    }
}
