package org.tongpao.rest.internal.login;

/**
 * Events counted for one key (an account, an address, a pair), with the delay and lock they led to. Guarded by its
 * own monitor: callers hold it while they read or change the fields. Two ways of counting: failures that are
 * forgotten after a quiet spell (the login throttle), and calls in fixed windows (rate limits).
 */
final class Counter {
    int count;
    long first;
    long last;
    long notBefore;
    long lockedUntil;

    /** Counts an event; the count starts again after a whole {@code window} without one. */
    int countSinceQuiet(long now, long window) {
        if (count > 0 && now - last > window) {
            count = 0;
        }
        count++;
        last = now;
        return count;
    }

    /** Counts an event; the count starts again once the window its first event opened is over. */
    int countInWindow(long now, long window) {
        if (count == 0 || now - first >= window) {
            count = 0;
            first = now;
        }
        count++;
        last = now;
        return count;
    }

    /** When the window its first event opened ends ({@link #countInWindow}). */
    long windowEnd(long window) {
        return first + window;
    }

    /** Nothing in force and nothing worth remembering after {@code forgetAfter} without an event. */
    boolean idle(long now, long forgetAfter) {
        return lockedUntil <= now && now - last > forgetAfter;
    }
}
