package org.tongpao.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers successful logins for a short while. A JAAS login re-reads the users file and looks up the
 * password-encryption service on every call (milliseconds each), which capped the API at a few hundred
 * requests per second; HTTP Basic sends the credentials with every request. Only successes are cached,
 * keyed by an HMAC of user and password under a key that lives in memory only, so the cache never holds a
 * password and a changed password or removed user takes effect within {@code ttlMillis}. Concurrent requests
 * with the same credentials that miss the cache (a client's connections when its entry expires) share one
 * login instead of each running the slow password check.
 *
 * <p>A client that keeps sending the same credentials never waits for that check again: once an entry is
 * three quarters through its life, the request that notices it is answered from the cache and the check runs
 * again in the background (one thread, a short queue); its success restarts the entry's life, its failure
 * removes the entry. Without that, every client stalled behind one password check (PBKDF2, 0.15-1 s of a
 * core, seconds on a busy machine) each time its entry expired. An entry is still never used past
 * {@code ttlMillis} after the last successful check, so a changed password takes effect as before.
 */
final class CachingAuthenticator implements Authenticator, AutoCloseable {

    static final int MAX_ENTRIES = 10_000;
    /** Refreshes waiting beyond this are dropped (the entry then expires and the next request checks). */
    static final int MAX_QUEUED_REFRESHES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(CachingAuthenticator.class);

    private final Authenticator delegate;
    private final long ttlNanos;
    private final long refreshAfterNanos;
    private final LongSupplier clock;
    private final ExecutorService refresher;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<Identity>>> inFlight = new ConcurrentHashMap<>();

    CachingAuthenticator(Authenticator delegate, long ttlMillis, LongSupplier nanoClock) {
        this(delegate, ttlMillis, nanoClock, refreshThread());
    }

    /** With the executor that runs the background checks (tests pass their own). */
    CachingAuthenticator(Authenticator delegate, long ttlMillis, LongSupplier nanoClock, ExecutorService refresher) {
        this.delegate = delegate;
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.refreshAfterNanos = ttlNanos / 4 * 3;
        this.clock = nanoClock;
        this.refresher = refresher;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Optional<Identity> authenticate(String user, char[] password) {
        if (ttlNanos <= 0) {
            return delegate.authenticate(user, password);
        }
        String k = fingerprint(user, password);
        long now = clock.getAsLong();
        Entry e = cache.get(k);
        if (e != null && now - e.at < ttlNanos) {
            if (now - e.at >= refreshAfterNanos && e.refreshing.compareAndSet(false, true)) {
                refreshInBackground(k, user, password, e);
            }
            return Optional.of(e.identity);
        }
        return login(k, user, password, now);
    }

    /** Checks the password again off the request path, with a copy that is wiped once checked or dropped. */
    private void refreshInBackground(String k, String user, char[] password, Entry e) {
        char[] copy = password.clone();
        // JAAS finds login modules through the context class loader: check as the request thread would
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            refresher.execute(() -> {
                Thread t = Thread.currentThread();
                ClassLoader previous = t.getContextClassLoader();
                t.setContextClassLoader(loader);
                try {
                    login(k, user, copy, clock.getAsLong());
                } catch (RuntimeException ex) {
                    e.refreshing.set(false); // a request after this one may try again; the entry still expires
                    LOG.warn("Checking the credentials of '{}' again in the background failed", user, ex);
                } finally {
                    t.setContextClassLoader(previous);
                    Arrays.fill(copy, '\0');
                }
            });
        } catch (RejectedExecutionException ex) {
            Arrays.fill(copy, '\0');
            e.refreshing.set(false);
        }
    }

    /** One check of the realm, shared by every concurrent caller with the same credentials. */
    private Optional<Identity> login(String k, String user, char[] password, long now) {
        CompletableFuture<Optional<Identity>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Identity>> running = inFlight.putIfAbsent(k, mine);
        if (running != null) {
            return running.join();
        }
        Optional<Identity> identity;
        try {
            identity = delegate.authenticate(user, password);
        } catch (RuntimeException | Error ex) {
            inFlight.remove(k, mine);
            mine.completeExceptionally(ex);
            throw ex;
        }
        if (identity.isPresent()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear(); // crude but bounded: a flood of distinct valid logins only costs re-logins
            }
            cache.put(k, new Entry(identity.get(), now));
        } else {
            cache.remove(k);
        }
        inFlight.remove(k, mine);
        mine.complete(identity);
        return identity;
    }

    private String fingerprint(String user, char[] password) {
        Mac mac = macs.get(); // one per thread: looking up the provider on every request showed in profiles
        try {
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(pw);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } finally {
            mac.reset(); // doFinal resets too; this covers a failure halfway
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

    /** Stops the background checks (waiting ones are dropped; entries then simply expire). */
    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private static ExecutorService refreshThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_REFRESHES), r -> {
                    Thread t = new Thread(r, "tongpao-login-refresh");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private record Entry(Identity identity, long at, AtomicBoolean refreshing) {
        Entry(Identity identity, long at) {
            this(identity, at, new AtomicBoolean());
        }
    }
}
