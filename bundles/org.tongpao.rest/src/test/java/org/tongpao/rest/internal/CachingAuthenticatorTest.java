package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingAuthenticatorTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile String password = "demo";
    private final Authenticator realm = (user, pw) -> {
        logins.incrementAndGet();
        return new String(pw).equals(password) ? Optional.of(new Authenticator.Identity(user, Set.of("auditor")))
                : Optional.empty();
    };

    @Test
    void aSuccessfulLoginIsRememberedUntilItsTimeIsUp() {
        CachingAuthenticator auth = new CachingAuthenticator(realm, 30_000, now::get);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(1);

        now.addAndGet(31_000_000_000L);
        password = "changed";
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isEmpty();
        assertThat(logins).hasValue(2);
    }

    @Test
    void failuresAndOtherPasswordsAreNeverServedFromTheCache() {
        CachingAuthenticator auth = new CachingAuthenticator(realm, 30_000, now::get);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(auth.authenticate("auditor", "wrong".toCharArray())).isEmpty();
        assertThat(auth.authenticate("auditor", "wrong".toCharArray())).isEmpty();
        assertThat(auth.authenticate("other", "demo".toCharArray()).orElseThrow().user()).isEqualTo("other");
        assertThat(logins).hasValue(4);
    }

    @Test
    void aZeroLifetimeChecksEveryRequest() {
        CachingAuthenticator auth = new CachingAuthenticator(realm, 0, now::get);
        auth.authenticate("auditor", "demo".toCharArray());
        auth.authenticate("auditor", "demo".toCharArray());
        assertThat(logins).hasValue(2);
    }

    @Test
    void concurrentMissesWithTheSameCredentialsShareOneSlowLogin() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Authenticator slow = (user, pw) -> {
            logins.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(new Authenticator.Identity(user, Set.of("auditor")));
        };
        CachingAuthenticator auth = new CachingAuthenticator(slow, 30_000, now::get);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Optional<Authenticator.Identity>>> calls = new java.util.ArrayList<>();
            calls.add(pool.submit(() -> auth.authenticate("auditor", "demo".toCharArray())));
            entered.await();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> auth.authenticate("auditor", "demo".toCharArray())));
            }
            org.awaitility.Awaitility.await().until(() -> ((java.util.concurrent.ThreadPoolExecutor) pool).getActiveCount() == 4);
            release.countDown();
            for (var c : calls) {
                assertThat(c.get()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(logins).hasValue(1);
    }

    @Test
    void aClientThatKeepsSendingItsCredentialsIsCheckedAgainInTheBackgroundNotOnItsRequest() {
        CachingAuthenticator auth = loggedInWithManualRefresh();
        now.set(22_000_000_000L);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(background.tasks).isEmpty();

        // three quarters through the entry's life: answered from the cache, one check queued for all requests
        now.set(23_000_000_000L);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(1);
        assertThat(background.tasks).hasSize(1);
        background.runAll();
        assertThat(logins).hasValue(2);

        // the background check restarted the entry's life: past the first 30 s, still no check on a request
        now.set(45_000_000_000L);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(2);
        assertThat(background.tasks).isEmpty();
    }

    @Test
    void aPasswordChangedMeanwhileIsFoundByTheBackgroundCheckAndTheEntryIsDropped() {
        CachingAuthenticator auth = loggedInWithManualRefresh();
        password = "changed";
        now.set(23_000_000_000L);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent(); // within its 30 s, as before
        background.runAll();
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isEmpty();
        assertThat(logins).hasValue(3);
    }

    @Test
    void anEntryIsNeverUsedPastItsLifeWhenTheBackgroundCheckHasNotRun() {
        CachingAuthenticator auth = loggedInWithManualRefresh();
        now.set(23_000_000_000L);
        auth.authenticate("auditor", "demo".toCharArray());
        password = "changed";
        now.set(30_000_000_000L);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isEmpty();
        assertThat(logins).hasValue(2);
    }

    @Test
    void onceClosedTheCacheStillAnswersUntilEntriesExpire() {
        CachingAuthenticator auth = new CachingAuthenticator(realm, 30_000, now::get);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        auth.close();
        now.set(23_000_000_000L);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        now.set(31_000_000_000L);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        assertThat(logins).hasValue(2);
    }

    private final ManualExecutor background = new ManualExecutor();

    /** A cache that has just let auditor/demo in, whose background checks run when the test says so. */
    private CachingAuthenticator loggedInWithManualRefresh() {
        CachingAuthenticator auth = new CachingAuthenticator(realm, 30_000, now::get, background);
        assertThat(auth.authenticate("auditor", "demo".toCharArray())).isPresent();
        return auth;
    }

    /** Runs submitted work only when told, on the test's thread. */
    private static final class ManualExecutor extends AbstractExecutorService {
        final List<Runnable> tasks = new ArrayList<>();

        void runAll() {
            List<Runnable> now = new ArrayList<>(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
