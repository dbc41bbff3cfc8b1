package org.tongpao.reporting.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Concurrent requests for the same report share one computation, and never one that started before they arrived:
 * a request that finds the report being computed for its key waits for that run to end and joins the next one,
 * which all the requests that arrived meanwhile share. So every answer is read after its request arrived (whatever
 * was committed before it is in it, as with a computation of its own), and under load the reads and the assembly
 * are paid once per batch instead of once per request. Nothing is kept after a batch is answered.
 *
 * @param <K> what makes two requests' answers the same (the caller's reach, the report's parameters)
 */
final class SharedReads<K, V> {
    private final Map<K, Lane<V>> lanes = new ConcurrentHashMap<>();

    /** The batch being computed for a key and the one gathering the requests that arrive meanwhile. */
    private static final class Lane<V> {
        CompletableFuture<V> running;
        CompletableFuture<V> next;
        int nextMembers;
    }

    /** The value {@code compute} gives when run after this call began, shared with concurrent callers of the key. */
    V get(K key, Supplier<V> compute) {
        Lane<V> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
        CompletableFuture<V> mine;
        CompletableFuture<V> before = null;
        boolean leads;
        synchronized (lane) {
            if (lane.running == null) {
                mine = lane.running = new CompletableFuture<>();
                leads = true;
            } else if (lane.next == null) {
                before = lane.running;
                mine = lane.next = new CompletableFuture<>();
                lane.nextMembers = 1;
                leads = true;
            } else {
                mine = lane.next;
                lane.nextMembers++;
                leads = false;
            }
        }
        if (leads) {
            if (before != null) {
                before.handle((v, e) -> null).join(); // its outcome is not ours: wait for it to end, whatever it was
                synchronized (lane) { // from here on the batch takes no one: later arrivals gather in a new one
                    lane.running = mine;
                    lane.next = null;
                }
            }
            run(compute, mine);
            synchronized (lane) {
                if (lane.running == mine) {
                    lane.running = null;
                }
            }
        }
        return answer(mine);
    }

    /** For tests: how many requests wait to share the batch that starts when the running one ends. */
    int waiting(K key) {
        Lane<V> lane = lanes.get(key);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.next == null ? 0 : lane.nextMembers;
        }
    }

    private static <V> void run(Supplier<V> compute, CompletableFuture<V> batch) {
        try {
            batch.complete(compute.get());
        } catch (RuntimeException | Error e) {
            batch.completeExceptionally(e);
        }
    }

    /** The batch's value, or the exception its computation threw (as it would have been thrown to each caller). */
    private static <V> V answer(CompletableFuture<V> batch) {
        try {
            return batch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
