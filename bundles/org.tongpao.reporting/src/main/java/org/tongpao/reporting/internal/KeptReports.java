package org.tongpao.reporting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last answer per key, given again while nothing was written since it was read: each answer is kept under the
 * stamp read <em>before</em> its computation (core's {@code Transactions.settledWrites}: how many write and enclosing
 * transactions have run, taken only while none runs; and whatever else the answer depends on), and a request whose
 * stamp, read on arrival, still equals it gets the kept answer. A write that committed before a request arrived has
 * either ended, and so changed the stamp, or is still ending, and then the request has no stamp and reads afresh: a
 * request never gets an answer older than a write committed before it. An answer read while a write ran is kept under
 * a stamp taken before that write began, which no request matches once the write has begun.
 *
 * <p>An answer is also given again for at most {@code maxAge} of the reports' clock (its "now", the end of the cover's
 * window, ages from it); and at most {@code capacity} keys are kept, the least recently asked for dropped first.
 *
 * @param <K> what makes two requests' answers the same (the caller's reach, the report's parameters)
 */
final class KeptReports<K, V> {
    private record Kept<V>(Object stamp, Instant madeAt, V value) {
    }

    private final int capacity;
    private final Map<K, Kept<V>> kept;

    KeptReports(int capacity) {
        this.capacity = capacity;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
                return size() > KeptReports.this.capacity;
            }
        };
    }

    /**
     * The answer kept for {@code key} when it was read under {@code stamp} (read by the caller before this call) at
     * most {@code maxAge} before {@code now}; else {@code compute}'s, then kept under {@code stamp}.
     */
    V get(K key, Object stamp, Instant now, Duration maxAge, Supplier<V> compute) {
        Kept<V> k;
        synchronized (kept) {
            k = kept.get(key);
        }
        if (k != null && k.stamp().equals(stamp) && !now.isBefore(k.madeAt())
                && Duration.between(k.madeAt(), now).compareTo(maxAge) <= 0) {
            return k.value();
        }
        V value = compute.get();
        synchronized (kept) {
            kept.put(key, new Kept<>(stamp, now, value));
        }
        return value;
    }

    /** Drops every kept answer (core changed a label the answers name). */
    void clear() {
        synchronized (kept) {
            kept.clear();
        }
    }

    /** For tests: how many keys have an answer kept. */
    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }
}
