package org.tongpao.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Server-side sessions of browser logins ({@code POST /session}): the cookie carries only a random id, the
 * user and roles stay here, in memory (a restart logs every browser out, which is the safe direction). A
 * session ends after {@code idleMillis} without a request or {@code maxMillis} after the login, whichever comes
 * first, or at logout. Each session has its own CSRF token, compared in constant time.
 */
final class BrowserSessions {
    static final String COOKIE = "tongpao_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** A bound on memory: past it, expired sessions are swept before a new one is made. */
    private static final int SWEEP_ABOVE = 1_000;

    record Session(String id, String csrfToken, Authenticator.Identity identity, long createdMillis,
            long lastSeenMillis) {
    }

    record Limits(long idleMillis, long maxMillis) {
        Limits {
            if (idleMillis <= 0 || maxMillis <= 0) {
                throw new IllegalArgumentException("session limits must be positive");
            }
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;
    private volatile Limits limits;

    BrowserSessions(Limits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    void update(Limits newLimits) {
        this.limits = newLimits;
    }

    Limits limits() {
        return limits;
    }

    /** A new session for this identity; never reuses an id the browser sent (no session fixation). */
    Session create(Authenticator.Identity identity) {
        long now = clock.getAsLong();
        if (sessions.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Session s = new Session(token(), token(), identity, now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty when unknown or expired (then forgotten). */
    Optional<Session> touch(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.csrfToken(), s.identity(), s.createdMillis(), now);
        // a concurrent logout wins: replace only what is still there
        return sessions.replace(id, s, touched) ? Optional.of(touched) : Optional.ofNullable(sessions.get(id));
    }

    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** When this session ends if no further request comes, in epoch millis. */
    long expiresMillis(Session s) {
        Limits l = limits;
        return Math.min(s.lastSeenMillis() + l.idleMillis(), s.createdMillis() + l.maxMillis());
    }

    int size() {
        return sessions.size();
    }

    static boolean csrfMatches(Session s, String sent) {
        return sent != null && MessageDigest.isEqual(s.csrfToken().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean expired(Session s, long now) {
        return now >= expiresMillis(s);
    }

    private void sweep(long now) {
        sessions.values().removeIf(s -> expired(s, now));
    }

    /** 256 random bits, URL-safe. */
    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
