package org.tongpao.core.partners;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partners' services (carriers, procurement channels, …) present right now, each called in isolation: every
 * partner has its own small pool of daemon threads with a bounded queue, every call a time limit, and any
 * answer but a normal return of a non-null value becomes a {@link PartnerFailure}. So a partner that hangs,
 * floods or throws only ever fails its own calls. The owner (a DS component) feeds it from its dynamic
 * multiple reference and closes it on deactivation. Thread-safe.
 *
 * @param <P> the partner's SPI type
 */
public final class PartnerCalls<P> {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerCalls.class);

    /** Threads per partner, calls waiting per partner beyond them, and the time limit of one call. */
    public record Limits(int threads, int queue, int timeoutMillis) {
        public Limits {
            threads = Math.max(1, threads);
            queue = Math.max(1, queue);
            timeoutMillis = Math.max(100, timeoutMillis);
        }
    }

    /** A call to a partner; anything it throws is judged by the refusals function given at construction. */
    @FunctionalInterface
    public interface Call<P, T> {
        T apply(P partner) throws Exception;
    }

    /** A partner's own refusal (its SPI's checked exception): its message and whether a retry may work. */
    public record Refusal(String message, boolean retryable) {
    }

    private final class Entry {
        final P partner;
        final long bundleId;
        final ThreadPoolExecutor pool;
        final Map<String, Object> remembered = new ConcurrentHashMap<>();
        volatile String lastProblem;

        Entry(String id, P partner, long bundleId, Limits l) {
            this.partner = partner;
            this.bundleId = bundleId;
            AtomicInteger n = new AtomicInteger();
            ThreadFactory threads = r -> {
                Thread t = new Thread(r, "tongpao-" + noun + "-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.pool = new ThreadPoolExecutor(l.threads(), l.threads(), 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(l.queue()), threads);
            this.pool.allowCoreThreadTimeOut(true);
        }
    }

    private final String noun;
    private final Pattern idPattern;
    private final Function<Throwable, Refusal> refusals;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Limits limits = new Limits(2, 16, 5000);

    /**
     * @param noun      what a partner is called in messages and thread names ({@code carrier}, {@code channel})
     * @param idPattern the shape of a valid partner id (the SPI's id service property)
     * @param refusals  recognises the SPI's refusal exception; null for anything else (which counts as BROKEN)
     */
    public PartnerCalls(String noun, Pattern idPattern, Function<Throwable, Refusal> refusals) {
        this.noun = noun;
        this.idPattern = idPattern;
        this.refusals = refusals;
    }

    /** New limits: the time limit applies to the next call, the thread count to every pool, the queue to partners added later. */
    public void limits(Limits newLimits) {
        this.limits = newLimits;
        for (Entry e : entries.values()) {
            if (newLimits.threads() > e.pool.getMaximumPoolSize()) {
                e.pool.setMaximumPoolSize(newLimits.threads());
                e.pool.setCorePoolSize(newLimits.threads());
            } else {
                e.pool.setCorePoolSize(newLimits.threads());
                e.pool.setMaximumPoolSize(newLimits.threads());
            }
        }
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Adds a partner under its id service property. Returns false (and logs an error) for an id that is
     * missing, malformed, or already registered by another service.
     */
    public boolean add(Object id, P partner, long bundleId, Object serviceId) {
        if (!(id instanceof String s) || !idPattern.matcher(s).matches()) {
            LOG.error("Ignoring {} service {} from bundle {}: its id must match {}, was {}", noun, serviceId, bundleId,
                    idPattern, id);
            return false;
        }
        Entry e = new Entry(s, partner, bundleId, limits);
        Entry existing = entries.putIfAbsent(s, e);
        if (existing != null) {
            e.pool.shutdownNow();
            LOG.error("Ignoring {} service {} from bundle {}: {} id '{}' is already registered by bundle {}", noun,
                    serviceId, bundleId, noun, s, existing.bundleId);
            return false;
        }
        LOG.info("{} '{}' available (bundle {})", capitalized(), s, bundleId);
        return true;
    }

    /** Removes the partner if this very service is the one registered under the id; true when it did. */
    public boolean remove(Object id, P partner) {
        Entry e = id instanceof String s ? entries.get(s) : null;
        if (e != null && e.partner == partner && entries.remove(id, e)) {
            e.pool.shutdownNow();
            LOG.info("{} '{}' gone", capitalized(), id);
            return true;
        }
        return false;
    }

    /** Stops every pool (the owner is deactivating). */
    public void close() {
        entries.values().forEach(e -> e.pool.shutdownNow());
        entries.clear();
    }

    /** Ids of the partners present, sorted. */
    public SortedSet<String> ids() {
        return new TreeSet<>(entries.keySet());
    }

    public boolean isPresent(String id) {
        return entries.containsKey(id);
    }

    /** The bundle that registered a partner, if it is present. */
    public Optional<Long> owner(String id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.bundleId);
    }

    /** Calls waiting for one of the partner's threads (0 when it is absent). */
    public int waiting(String id) {
        Entry e = entries.get(id);
        return e == null ? 0 : e.pool.getQueue().size();
    }

    /** The last failure of a present partner, for display. */
    public Optional<String> lastProblem(String id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.lastProblem);
    }

    /**
     * Like {@link #call}, but the first good answer under {@code what} is kept while the partner stays
     * registered (its profile, its offer); a failed call is tried again next time.
     */
    public <T> T remembered(String id, String what, Class<T> type, Call<P, T> call) throws PartnerFailure {
        Entry e = entry(id);
        Object kept = e.remembered.get(what);
        if (type.isInstance(kept)) {
            return type.cast(kept);
        }
        T answer = call(id, what, call);
        e.remembered.put(what, answer);
        return answer;
    }

    /**
     * Runs a call on the partner's pool within the time limit. Any answer but a normal return of a non-null
     * value becomes a {@link PartnerFailure}; the caller validates the answer in context.
     */
    public <T> T call(String id, String what, Call<P, T> call) throws PartnerFailure {
        Entry e = entry(id);
        int timeout = limits.timeoutMillis();
        Future<T> f;
        try {
            f = e.pool.submit(() -> call.apply(e.partner));
        } catch (RejectedExecutionException ex) {
            throw failed(e, PartnerFailure.Kind.UNAVAILABLE,
                    noun + " " + id + " is overloaded: " + what + " refused, too many calls waiting", true, ex);
        }
        try {
            T answer = f.get(timeout, TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw failed(e, PartnerFailure.Kind.BROKEN, noun + " " + id + " answered " + what + " with nothing", true, null);
            }
            return answer;
        } catch (TimeoutException ex) {
            f.cancel(true);
            throw failed(e, PartnerFailure.Kind.TIMEOUT,
                    noun + " " + id + " did not answer " + what + " within " + timeout + " ms", true, ex);
        } catch (InterruptedException ex) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new PartnerFailure(PartnerFailure.Kind.UNAVAILABLE, "interrupted while waiting for " + noun + " " + id, true, ex);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            Refusal refusal = refusals.apply(cause);
            if (refusal != null) {
                throw failed(e, PartnerFailure.Kind.REFUSED, noun + " " + id + " refused " + what + ": " + refusal.message(),
                        refusal.retryable(), cause);
            }
            // IllegalArgumentException here is a value type refusing a contract-breaking answer
            LOG.warn("{} '{}' failed {}", capitalized(), id, what, cause);
            throw failed(e, PartnerFailure.Kind.BROKEN, noun + " " + id + " failed " + what + ": " + cause, true, cause);
        }
    }

    /** Records a failure found by the caller's own checks of an answer (e.g. a quote for lines never asked). */
    public PartnerFailure broken(String id, String what, String problem) {
        PartnerFailure f = new PartnerFailure(PartnerFailure.Kind.BROKEN,
                noun + " " + id + " answered " + what + " against the contract: " + problem, true, null);
        Entry e = entries.get(id);
        if (e != null) {
            e.lastProblem = f.getMessage();
        }
        return f;
    }

    private PartnerFailure failed(Entry e, PartnerFailure.Kind kind, String message, boolean retryable, Throwable cause) {
        e.lastProblem = message;
        return new PartnerFailure(kind, message, retryable, cause);
    }

    private Entry entry(String id) throws PartnerFailure {
        Entry e = entries.get(id);
        if (e == null) {
            throw new PartnerFailure(PartnerFailure.Kind.UNAVAILABLE, noun + " " + id + " is not available", true, null);
        }
        return e;
    }

    private String capitalized() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
