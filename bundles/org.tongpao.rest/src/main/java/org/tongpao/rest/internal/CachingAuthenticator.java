package org.tongpao.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers successful logins for a short while. A JAAS login re-reads the users file and looks up the
 * password-encryption service on every call (milliseconds each), which capped the API at a few hundred
 * requests per second; HTTP Basic sends the credentials with every request. Only successes are cached,
 * keyed by an HMAC of user and password under a key that lives in memory only, so the cache never holds a
 * password and a changed password or removed user takes effect within {@code ttlMillis}. Concurrent requests
 * with the same credentials that miss the cache (a client's connections when its entry expires) share one
 * login instead of each running the slow password check.
 */
final class CachingAuthenticator implements Authenticator {

    static final int MAX_ENTRIES = 10_000;

    private final Authenticator delegate;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<Identity>>> inFlight = new ConcurrentHashMap<>();

    CachingAuthenticator(Authenticator delegate, long ttlMillis, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.clock = nanoClock;
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
            return Optional.of(e.identity);
        }
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(pw);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

    private record Entry(Identity identity, long at) {
    }
}
