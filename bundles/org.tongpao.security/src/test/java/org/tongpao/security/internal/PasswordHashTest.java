package org.tongpao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordHashTest {

    // fast hashes for the rules; one test checks the production count
    private final PasswordHash fast = new PasswordHash(1_000);

    @TempDir
    Path dir;

    @Test
    void theFormatNamesAlgorithmIterationsSaltAndHash() {
        String h = fast.hash("s3cret");
        String[] parts = h.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("1000");
        assertThat(java.util.Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(h).doesNotContain("=", ",", "{", "}");
    }

    @Test
    void theProductionCountIsOwasps() {
        String h = new PasswordHash(PasswordHash.OWASP_ITERATIONS).hash("demo");
        assertThat(h).startsWith("pbkdf2-sha256$600000$");
        assertThat(PasswordHash.verify("demo", h)).isTrue();
    }

    @Test
    void verifiesItsOwnHashesOnlyForTheRightPassword() {
        String h = fast.hash("s3cret");
        assertThat(PasswordHash.verify("s3cret", h)).isTrue();
        assertThat(PasswordHash.verify("s3cret ", h)).isFalse();
        assertThat(PasswordHash.verify("", h)).isFalse();
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        assertThat(fast.hash("demo")).isNotEqualTo(fast.hash("demo"));
    }

    @Test
    void aHashMadeWithAnotherCountStillVerifies() {
        String older = new PasswordHash(2_000).hash("pw");
        assertThat(PasswordHash.verify("pw", older)).isTrue();
        assertThat(new PasswordHash(3_000).needsUpgrade(older)).isTrue();
        assertThat(new PasswordHash(2_000).needsUpgrade(older)).isFalse();
        assertThat(new PasswordHash(1_000).needsUpgrade(older)).as("never downgrade").isFalse();
    }

    @Test
    void legacyUnsaltedSha256StillVerifiesAndNeedsAnUpgrade() {
        String legacy = PasswordHash.legacySha256("demo");
        assertThat(legacy).isEqualTo("2A97516C354B68848CDBD8F54A226A0A55B21ED138E207AD6C5CBB9C00AA5AEA");
        assertThat(PasswordHash.verify("demo", legacy)).isTrue();
        assertThat(PasswordHash.verify("demo", legacy.toLowerCase())).isTrue();
        assertThat(PasswordHash.verify("Demo", legacy)).isFalse();
        assertThat(fast.needsUpgrade(legacy)).isTrue();
        assertThat(PasswordHash.isLegacy(legacy)).isTrue();
    }

    @Test
    void malformedOrTamperedEntriesNeverMatch() {
        assertThat(PasswordHash.verify("demo", "demo")).isFalse();
        assertThat(PasswordHash.verify("demo", "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
        assertThat(PasswordHash.verify("demo", "pbkdf2-sha256$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
        assertThat(PasswordHash.verify("demo", "md5$1000$x$y")).isFalse();
        assertThat(PasswordHash.verify("demo", null)).isFalse();
    }

    @Test
    void aCountOutsideTheSaneRangeIsRefused() {
        assertThatThrownBy(() -> new PasswordHash(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLegacyEntryIsRehashedAtLoginKeepingItsRoles() throws Exception {
        Path file = dir.resolve("users.properties");
        String legacy = "{CRYPT}" + PasswordHash.legacySha256("demo") + "{CRYPT}";
        Files.writeString(file, "hubei = " + legacy + ",province-officer,province-42\n");

        assertThat(TongpaoLoginModule.upgradeIfWeak(file, fast, "hubei", "demo", legacy)).isTrue();

        UserFile users = UserFile.load(file, fast);
        assertThat(users.storedPassword("hubei")).startsWith("{CRYPT}pbkdf2-sha256$1000$").endsWith("{CRYPT}");
        assertThat(users.passwordMatches("hubei", "demo")).isTrue();
        assertThat(users.roles("hubei")).contains(List.of("province-officer", "province-42"));
        // a current hash is left alone
        String current = users.storedPassword("hubei");
        assertThat(TongpaoLoginModule.upgradeIfWeak(file, fast, "hubei", "demo", current)).isFalse();
        assertThat(UserFile.load(file, fast).storedPassword("hubei")).isEqualTo(current);
    }

    @Test
    void anUpgradeNeverOverwritesAPasswordChangedMeanwhile() throws Exception {
        Path file = dir.resolve("users.properties");
        String legacy = "{CRYPT}" + PasswordHash.legacySha256("demo") + "{CRYPT}";
        UserFile users = UserFile.load(file, fast);
        users.put("hubei", "changed-by-operator", List.of("province-officer"));
        users.save();

        assertThat(TongpaoLoginModule.upgradeIfWeak(file, fast, "hubei", "demo", legacy)).isFalse();
        assertThat(UserFile.load(file, fast).passwordMatches("hubei", "changed-by-operator")).isTrue();
    }

    @Test
    void karafsEncryptionHookWritesAndChecksTheNewForm() {
        var encryption = new Pbkdf2EncryptionService().createEncryption(java.util.Map.of("iterations", "1000"));
        String stored = encryption.encryptPassword("pw");
        assertThat(stored).startsWith("pbkdf2-sha256$1000$");
        assertThat(encryption.checkPassword("pw", stored)).isTrue();
        assertThat(encryption.checkPassword("pw", PasswordHash.legacySha256("pw"))).isTrue();
        assertThat(encryption.checkPassword("nope", stored)).isFalse();
    }
}
