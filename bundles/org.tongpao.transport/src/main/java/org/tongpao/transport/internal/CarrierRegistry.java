package org.tongpao.transport.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;

/**
 * The carriers present right now, collected from the service registry as they come and go. Every call
 * to a carrier runs on that carrier's own small thread pool with a time limit, so a carrier that hangs
 * or floods only ever blocks itself.
 */
@Component(service = CarrierRegistry.class, configurationPid = "org.tongpao.transport")
@Designate(ocd = TransportConfig.class)
public class CarrierRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CarrierRegistry.class);
    static final Pattern ID = Pattern.compile(Carrier.ID_PATTERN);

    /** A registered carrier: its service, the bundle that registered it, its pool, its last profile. */
    final class Entry {
        final String id;
        final Carrier carrier;
        final long bundleId;
        final ThreadPoolExecutor pool;
        volatile CarrierProfile profile;
        volatile String lastProblem;

        Entry(String id, Carrier carrier, long bundleId) {
            this.id = id;
            this.carrier = carrier;
            this.bundleId = bundleId;
            this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                    DaemonThreads.named("tongpao-carrier-" + id));
            this.pool.allowCoreThreadTimeOut(true);
        }
    }

    /** A call to a carrier. */
    @FunctionalInterface
    public interface Call<T> {
        T apply(Carrier carrier) throws CarrierException;
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile int timeoutMillis = 5000;
    private volatile int threads = 2;
    private volatile int queue = 16;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    public CarrierRegistry() {
    }

    @Activate
    @Modified
    void configure(TransportConfig config) {
        timeoutMillis = Math.max(100, config.callTimeoutMillis());
        threads = Math.max(1, config.threadsPerCarrier());
        queue = Math.max(1, config.queuePerCarrier());
    }

    @Deactivate
    void deactivate() {
        entries.values().forEach(e -> e.pool.shutdownNow());
        entries.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCarrier(ServiceReference<Carrier> ref, Carrier carrier) {
        Object id = ref.getProperty(Carrier.ID_PROPERTY);
        long bundle = ref.getBundle() == null ? -1 : ref.getBundle().getBundleId();
        add(id instanceof String s ? s : null, carrier, bundle, ref.getProperty(Constants.SERVICE_ID));
    }

    void removeCarrier(ServiceReference<Carrier> ref, Carrier carrier) {
        Object id = ref.getProperty(Carrier.ID_PROPERTY);
        if (id instanceof String s) {
            remove(s, carrier);
        }
    }

    /** Adds a carrier (public to the package for tests without a framework). */
    void add(String id, Carrier carrier, long bundleId, Object serviceId) {
        if (id == null || !ID.matcher(id).matches()) {
            LOG.error("Ignoring carrier service {} from bundle {}: property {} must be 1-32 lower-case letters, "
                    + "digits or '-', was {}", serviceId, bundleId, Carrier.ID_PROPERTY, id);
            return;
        }
        Entry e = new Entry(id, carrier, bundleId);
        Entry existing = entries.putIfAbsent(id, e);
        if (existing != null) {
            e.pool.shutdownNow();
            LOG.error("Ignoring carrier service {} from bundle {}: carrier id '{}' is already registered by bundle {}",
                    serviceId, bundleId, id, existing.bundleId);
            return;
        }
        LOG.info("Carrier '{}' available (bundle {})", id, bundleId);
        post(TransportTopics.CARRIER_ADDED, id);
    }

    void remove(String id, Carrier carrier) {
        Entry e = entries.get(id);
        if (e != null && e.carrier == carrier && entries.remove(id, e)) {
            e.pool.shutdownNow();
            LOG.info("Carrier '{}' gone; its shipments stay readable", id);
            post(TransportTopics.CARRIER_REMOVED, id);
        }
    }

    /**
     * Carrier ADDED/REMOVED go straight to EventAdmin, not through the outbox: they announce this node's
     * service registry, not a database change, so there is no transaction to join, nothing to replay after a
     * crash (the registry is rebuilt at start) and nothing another node could use.
     */
    private void post(String topic, String id) {
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            ea.postEvent(new Event(topic, Map.of("carrierId", id)));
        }
    }

    /** Ids of the carriers present, sorted. */
    public java.util.SortedSet<String> ids() {
        return new java.util.TreeSet<>(entries.keySet());
    }

    public boolean isAvailable(String id) {
        return entries.containsKey(id);
    }

    /** The bundle that registered a carrier, if it is present. */
    public Optional<Long> owner(String id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.bundleId);
    }

    /** Calls waiting for one of the carrier's threads (0 when it is absent). */
    int waiting(String id) {
        Entry e = entries.get(id);
        return e == null ? 0 : e.pool.getQueue().size();
    }

    /** The last failure of a present carrier, for display. */
    public Optional<String> lastProblem(String id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.lastProblem);
    }

    /** The carrier's profile, read once and kept; a failed read is retried next time. */
    public CarrierProfile profile(String id) throws CarrierFailure {
        Entry e = entry(id);
        CarrierProfile p = e.profile;
        if (p == null) {
            p = call(id, "profile", Carrier::profile);
            e.profile = p;
        }
        return p;
    }

    /**
     * Runs a call on the carrier's pool with the time limit. Any answer but a normal return of a
     * non-null value becomes a {@link CarrierFailure}; the caller validates the answer in context.
     */
    public <T> T call(String id, String what, Call<T> call) throws CarrierFailure {
        Entry e = entry(id);
        Future<T> f;
        try {
            f = e.pool.submit(() -> call.apply(e.carrier));
        } catch (RejectedExecutionException ex) {
            throw failed(e, new CarrierFailure(CarrierFailure.Kind.UNAVAILABLE,
                    "carrier " + id + " is overloaded: " + what + " refused, too many calls waiting", true, ex));
        }
        try {
            T answer = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw failed(e, new CarrierFailure(CarrierFailure.Kind.BROKEN,
                        "carrier " + id + " answered " + what + " with nothing", true, null));
            }
            return answer;
        } catch (TimeoutException ex) {
            f.cancel(true);
            throw failed(e, new CarrierFailure(CarrierFailure.Kind.TIMEOUT,
                    "carrier " + id + " did not answer " + what + " within " + timeoutMillis + " ms", true, ex));
        } catch (InterruptedException ex) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new CarrierFailure(CarrierFailure.Kind.UNAVAILABLE, "interrupted while waiting for carrier " + id, true, ex);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof CarrierException ce) {
                throw failed(e, new CarrierFailure(CarrierFailure.Kind.REFUSED,
                        "carrier " + id + " refused " + what + ": " + ce.getMessage(), ce.isRetryable(), ce));
            }
            // IllegalArgumentException here is a value type refusing a contract-breaking answer
            LOG.warn("Carrier '{}' failed {}", id, what, cause);
            throw failed(e, new CarrierFailure(CarrierFailure.Kind.BROKEN,
                    "carrier " + id + " failed " + what + ": " + cause, true, cause));
        }
    }

    private CarrierFailure failed(Entry e, CarrierFailure f) {
        e.lastProblem = f.getMessage();
        return f;
    }

    private Entry entry(String id) throws CarrierFailure {
        Entry e = entries.get(id);
        if (e == null) {
            throw new CarrierFailure(CarrierFailure.Kind.UNAVAILABLE, "carrier " + id + " is not available", true, null);
        }
        return e;
    }
}
