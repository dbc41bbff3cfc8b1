package org.tongpao.transport.passes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;

class PassRulesTest {
    private static final Instant FROM = Instant.parse("2020-02-03T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2020-02-06T00:00:00Z");

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(PassRules.status(FROM, UNTIL, null, FROM.minusSeconds(1))).isEqualTo(PassStatus.NOT_YET_VALID);
        assertThat(PassRules.status(FROM, UNTIL, null, FROM)).isEqualTo(PassStatus.VALID);
        assertThat(PassRules.status(FROM, UNTIL, null, UNTIL.minusSeconds(1))).isEqualTo(PassStatus.VALID);
        assertThat(PassRules.status(FROM, UNTIL, null, UNTIL)).isEqualTo(PassStatus.EXPIRED);
    }

    @Test
    void revocationWinsOverTheWindow() {
        assertThat(PassRules.status(FROM, UNTIL, FROM.plusSeconds(60), FROM.plusSeconds(3600)))
                .isEqualTo(PassStatus.REVOKED);
        assertThat(PassRules.status(FROM, UNTIL, FROM, FROM.minusSeconds(10))).isEqualTo(PassStatus.REVOKED);
        assertThat(PassStatus.REVOKED.valid()).isFalse();
    }

    @Test
    void aNewWindowMustBeOrderedNotOverAndNotTooLong() {
        Duration month = Duration.ofDays(30);
        Instant now = FROM.plusSeconds(3600);

        PassRules.checkWindow(FROM, UNTIL, now, month);
        assertThatThrownBy(() -> PassRules.checkWindow(UNTIL, FROM, now, month))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "validUntil");
        assertThatThrownBy(() -> PassRules.checkWindow(FROM, FROM.plusSeconds(60), now, month))
                .isInstanceOf(ValidationException.class).hasMessageContaining("over already");
        assertThatThrownBy(() -> PassRules.checkWindow(FROM, FROM.plus(Duration.ofDays(31)), now, month))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 30 days");
        assertThatThrownBy(() -> PassRules.checkWindow(null, UNTIL, now, month))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "validFrom");
        // a window that ended within the allowed clock skew is still accepted (the officer's clock may be behind)
        PassRules.checkWindow(FROM, now.minus(Duration.ofMinutes(5)), now, month);
    }

    @Test
    void codesCarry192RandomBitsInUrlSafeTextAndAreStoredAsSha256() {
        PassTokens tokens = new PassTokens(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = tokens.next();
            assertThat(t).hasSize(32).matches("[A-Za-z0-9_-]+");
            assertThat(PassTokens.wellFormed(t)).isTrue();
            seen.add(t);
        }
        assertThat(seen).hasSize(1000);
        assertThat(PassTokens.BYTES * 8).isGreaterThanOrEqualTo(128);
        // SHA-256("abc"), the FIPS 180-2 test vector
        assertThat(PassTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(PassTokens.wellFormed("short")).isFalse();
        assertThat(PassTokens.wellFormed("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")).isFalse();
    }
}
