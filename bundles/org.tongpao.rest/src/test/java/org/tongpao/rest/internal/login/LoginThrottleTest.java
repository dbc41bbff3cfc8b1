package org.tongpao.rest.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle.Settings s = LoginThrottle.Settings.defaults();
    private final LoginThrottle throttle = new LoginThrottle(s, now::get);

    /** Fails as soon as allowed, as an attacker would; returns how long it had to wait in total. */
    private long failUntilLocked(String account, String address) {
        long start = now.get();
        for (int i = 0; i < 100; i++) {
            LoginThrottle.Verdict v = throttle.check(account, address);
            if (!v.allowed()) {
                if (v.reason() != LoginThrottle.Reason.DELAYED) {
                    return now.get() - start;
                }
                now.addAndGet(v.retryAfterMillis());
                continue;
            }
            throttle.failed(account, address);
        }
        throw new AssertionError("never locked");
    }

    @Test
    void threeFreeFailuresThenADoublingDelayAnsweredWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.check("admin", A).allowed()).isTrue();
            throttle.failed("admin", A);
        }
        assertThat(throttle.check("admin", A).allowed()).isTrue();
        throttle.failed("admin", A); // 4th: 1 s
        LoginThrottle.Verdict v = throttle.check("admin", A);
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).isEqualTo(LoginThrottle.Reason.DELAYED);
        assertThat(v.retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(1_000);
        throttle.failed("admin", A); // 5th: 2 s
        assertThat(throttle.check("admin", A).retryAfterMillis()).isEqualTo(2_000);
        now.addAndGet(2_000);
        throttle.failed("admin", A); // 6th: 4 s
        assertThat(throttle.check("admin", A).retryAfterMillis()).isEqualTo(4_000);
    }

    @Test
    void tenFailuresLockTheAccountAtThatAddressForFifteenMinutes() {
        long waited = failUntilLocked("admin", A);
        LoginThrottle.Verdict v = throttle.check("admin", A);
        assertThat(v.reason()).isEqualTo(LoginThrottle.Reason.ACCOUNT_LOCKED);
        assertThat(v.retryAfterSeconds()).isEqualTo(15 * 60);
        // 1+2+4+8+16+30 s of delays before failures 5..10
        assertThat(waited).isEqualTo(61_000);
        assertThat(throttle.locks()).extracting(LoginThrottle.Lock::account, LoginThrottle.Lock::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", A));
    }

    @Test
    void afterALockEachFurtherFailureLocksAgain() {
        failUntilLocked("admin", A);
        now.addAndGet(15 * 60_000);
        assertThat(throttle.check("admin", A).allowed()).isTrue();
        List<LoginThrottle.Lock> imposed = throttle.failed("admin", A);
        assertThat(imposed).hasSize(1);
        assertThat(throttle.check("admin", A).reason()).isEqualTo(LoginThrottle.Reason.ACCOUNT_LOCKED);
    }

    @Test
    void theLockImposedIsReportedOnceForTheAudit() {
        int locks = 0;
        for (int i = 0; i < 10; i++) {
            locks += throttle.failed("admin", A).size();
            now.addAndGet(60_000);
        }
        assertThat(locks).isEqualTo(1);
    }

    @Test
    void aLockedAccountStaysOpenToItsOwnerElsewhereAndOtherUsersHere() {
        failUntilLocked("admin", A);
        assertThat(throttle.check("admin", B).allowed()).as("the owner at another address").isTrue();
        assertThat(throttle.check("hubei", A).allowed()).as("another user at the attacker's address").isTrue();
    }

    @Test
    void aSuccessResetsTheAccountsCount() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", A);
        }
        throttle.succeeded("admin", A);
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", A);
        }
        assertThat(throttle.check("admin", A).allowed()).as("three free failures again").isTrue();
        assertThat(throttle.accountFailures("admin")).isEqualTo(3);
    }

    @Test
    void guessesFromManyAddressesSlowEachFailingAddressButNeverLockTheOwnerOut() {
        // 20 addresses, one guess each: the account is now under attack
        for (int i = 0; i < 20; i++) {
            throttle.failed("admin", "192.0.2." + i);
        }
        // a failing address now waits the account-wide delay even for its 2nd try
        throttle.failed("admin", "192.0.2.100");
        LoginThrottle.Verdict v = throttle.check("admin", "192.0.2.100");
        assertThat(v.allowed()).isFalse();
        assertThat(v.retryAfterMillis()).isEqualTo(10_000);
        // the owner, from an address that has not failed, is checked at once: no lock anywhere
        assertThat(throttle.check("admin", B).allowed()).isTrue();
        assertThat(throttle.locks()).isEmpty();
        // and its success clears the account-wide count
        throttle.succeeded("admin", B);
        assertThat(throttle.accountFailures("admin")).isZero();
    }

    @Test
    void fiftyFailuresFromOneAddressAcrossAccountsLockTheAddress() {
        List<LoginThrottle.Lock> imposed = List.of();
        for (int i = 0; i < 50; i++) {
            imposed = throttle.failed("user" + i, A);
        }
        assertThat(imposed).singleElement().satisfies(l -> {
            assertThat(l.addressWide()).isTrue();
            assertThat(l.address()).isEqualTo(A);
        });
        LoginThrottle.Verdict v = throttle.check("someone-else", A);
        assertThat(v.reason()).isEqualTo(LoginThrottle.Reason.ADDRESS_LOCKED);
        assertThat(throttle.check("someone-else", B).allowed()).isTrue();
    }

    @Test
    void aSuccessDoesNotLaunderAnAddressesFailuresAgainstOtherAccounts() {
        for (int i = 0; i < 49; i++) {
            throttle.failed("user" + i, A);
        }
        throttle.succeeded("attackers-own-account", A);
        throttle.failed("user49", A);
        assertThat(throttle.check("anyone", A).reason()).isEqualTo(LoginThrottle.Reason.ADDRESS_LOCKED);
    }

    @Test
    void failuresAreForgottenAfterAQuietWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", A);
        }
        now.addAndGet(61 * 60_000);
        throttle.failed("admin", A);
        assertThat(throttle.check("admin", A).allowed()).as("first failure of a new window").isTrue();
    }

    @Test
    void unlockLiftsAnAccountEverywhereOrAnAddressForEveryone() {
        failUntilLocked("admin", A);
        failUntilLocked("admin", B);
        assertThat(throttle.unlock("admin")).hasSize(2);
        assertThat(throttle.check("admin", A).allowed()).isTrue();
        assertThat(throttle.check("admin", B).allowed()).isTrue();

        for (int i = 0; i < 50; i++) {
            throttle.failed("user" + i, A);
        }
        assertThat(throttle.unlock(A)).extracting(LoginThrottle.Lock::addressWide).containsExactly(true);
        assertThat(throttle.check("anyone", A).allowed()).isTrue();
        assertThat(throttle.unlock("nobody")).isEmpty();
    }

    @Test
    void limitsChangeLive() {
        throttle.update(new LoginThrottle.Settings(0, 5_000, 5_000, 2, 60_000, 20, 0, 50, 3_600_000));
        throttle.failed("admin", A);
        assertThat(throttle.check("admin", A).retryAfterMillis()).isEqualTo(5_000);
        throttle.failed("admin", A);
        assertThat(throttle.check("admin", A).reason()).isEqualTo(LoginThrottle.Reason.ACCOUNT_LOCKED);
    }

    @Test
    void guessesPerHourFromOneAddressAgainstOneAccount() {
        // the figure docs/security.md states: 10 in the first ~61 s, then one per 15-minute lock
        int guesses = 0;
        long end = now.get() + 3_600_000;
        while (now.get() < end) {
            LoginThrottle.Verdict v = throttle.check("admin", A);
            if (v.allowed()) {
                throttle.failed("admin", A);
                guesses++;
            } else {
                now.addAndGet(v.retryAfterMillis());
            }
        }
        assertThat(guesses).isEqualTo(10 + 3);
    }

    @Test
    void guessesPerDayFromOneAddressWaitingOutTheWindow() {
        // the better strategy: 10 guesses, then an hour's quiet so the count starts again
        int guesses = 0;
        long lastFailure = 0;
        long end = now.get() + 24 * 3_600_000L;
        while (now.get() < end) {
            LoginThrottle.Verdict v = throttle.check("admin", A);
            if (v.allowed() && throttle.accountFailures("admin") < 10) {
                throttle.failed("admin", A);
                lastFailure = now.get();
                guesses++;
            } else if (!v.allowed() && v.reason() == LoginThrottle.Reason.DELAYED) {
                now.addAndGet(v.retryAfterMillis());
            } else {
                if (lastFailure + s.windowMillis() + 1 >= end) {
                    break;
                }
                now.set(lastFailure + s.windowMillis() + 1);
                throttle.failed("admin", A); // the first guess of the next burst: forgotten count, so free
                lastFailure = now.get();
                guesses++;
            }
        }
        assertThat(guesses).isEqualTo(240);
    }
}
