package org.tongpao.rest.internal.login;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Counters by key with bounded memory, so a flood of names (accounts that do not exist, spoofed addresses) cannot
 * exhaust the heap: when {@link #MAX_ENTRIES} are held, idle counters go first, then any counter without a lock in
 * force. Thread-safe; each counter is guarded by its own monitor.
 */
final class CounterMap<K> {
    static final int MAX_ENTRIES = 100_000;

    private final Map<K, Counter> counters = new ConcurrentHashMap<>();

    /** The key's counter, or null if it has none. */
    Counter get(K key) {
        return counters.get(key);
    }

    /** The key's counter, created if need be; {@code forgetAfter} says which counters are idle should room be short. */
    Counter getOrCreate(K key, long now, long forgetAfter) {
        Counter c = counters.get(key);
        if (c != null) {
            return c;
        }
        if (counters.size() >= MAX_ENTRIES) {
            prune(now, forgetAfter);
        }
        return counters.computeIfAbsent(key, k -> new Counter());
    }

    Counter remove(K key) {
        return counters.remove(key);
    }

    boolean isEmpty() {
        return counters.isEmpty();
    }

    int size() {
        return counters.size();
    }

    void forEach(BiConsumer<K, Counter> action) {
        counters.forEach(action);
    }

    /** Removes the entries {@code test} picks; it is called with neither lock held. */
    void removeIf(BiPredicate<K, Counter> test) {
        counters.entrySet().removeIf(e -> test.test(e.getKey(), e.getValue()));
    }

    private void prune(long now, long forgetAfter) {
        counters.values().removeIf(c -> {
            synchronized (c) {
                return c.idle(now, forgetAfter);
            }
        });
        if (counters.size() >= MAX_ENTRIES) {
            counters.values().removeIf(c -> {
                synchronized (c) {
                    return c.lockedUntil <= now;
                }
            });
        }
    }
}
