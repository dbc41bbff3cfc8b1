package org.tongpao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TongpaoRealmTest {

    @TempDir
    Path dir;

    @Test
    void demoModeAddsTheReadmeAccountsWithHashedPasswords() throws Exception {
        Path file = dir.resolve("etc/users.properties");
        TongpaoRealm.prepareUsers(file, true, dir.resolve("data"));

        UserFile users = UserFile.load(file);
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
        TongpaoRealm.prepareUsers(file, true, dir);
        TongpaoRealm.prepareUsers(file, false, dir);

        UserFile users = UserFile.load(file);
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
        UserFile users = UserFile.load(file);
        users.put("admin", "chosen-by-operator", List.of("ministry-admin"));
        users.save();

        TongpaoRealm.prepareUsers(file, false, dir);
        TongpaoRealm.prepareUsers(file, false, dir);

        assertThat(UserFile.load(file).passwordMatches("admin", "chosen-by-operator")).isTrue();
        assertThat(dir.resolve("tongpao/initial-admin-password")).doesNotExist();
    }

    @Test
    void aDemoAccountWhosePasswordWasChangedSurvivesLeavingDemoMode() throws Exception {
        Path file = dir.resolve("users.properties");
        TongpaoRealm.prepareUsers(file, true, dir);
        UserFile users = UserFile.load(file);
        users.put("hubei", "a-real-password", List.of("province-officer", "province-42"));
        users.save();

        TongpaoRealm.prepareUsers(file, false, dir);

        assertThat(UserFile.load(file).passwordMatches("hubei", "a-real-password")).isTrue();
    }

    @Test
    void digestIsKarafsBasicSha256HexForm() {
        assertThat(UserFile.digest("demo"))
                .isEqualTo("{CRYPT}2A97516C354B68848CDBD8F54A226A0A55B21ED138E207AD6C5CBB9C00AA5AEA{CRYPT}");
    }
}
