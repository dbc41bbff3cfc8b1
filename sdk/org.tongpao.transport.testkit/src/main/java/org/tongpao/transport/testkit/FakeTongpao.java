package org.tongpao.transport.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingSink;
import org.tongpao.transport.api.TrackingStatus;

/**
 * A fake Tongpao runtime for one carrier. It calls the carrier as the platform does — on a worker thread,
 * abandoning a call after the per-call time limit (5 s unless told otherwise) — and turns what the platform
 * would count as the carrier's failure into a {@link ContractViolation}: a hang, a {@link RuntimeException}
 * (including a value type refusing an out-of-bounds value), a {@code null} answer, a repeated booking with
 * another waybill, tracking events of another waybill or out of order. A {@link CarrierException} is the
 * carrier's legitimate refusal and reaches the caller unchanged.
 *
 * <p>It is also the carrier's {@link TrackingSink}: it records pushed events and, like the platform,
 * refuses events for waybills it did not book or for another carrier id, and ignores duplicates
 * (same waybill, status and time).
 *
 * <p>Close it (try-with-resources or {@code @AfterEach}) to stop its worker threads.
 */
public final class FakeTongpao implements TrackingSink, AutoCloseable {
    /** The platform's default time limit for one carrier call. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern CARRIER_ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String carrierId;
    private final Carrier carrier;
    private final Duration callTimeout;
    private final ExecutorService workers;

    private final Object lock = new Object();
    private final Map<String, String> waybillByRef = new HashMap<>();
    private final Map<String, String> refByWaybill = new HashMap<>();
    private final List<TrackingEvent> pushed = new ArrayList<>();
    private final Set<List<Object>> pushedKeys = new HashSet<>();

    /** A fake runtime calling {@code carrier}, registered as {@code carrierId}, with the 5 s limit. */
    public FakeTongpao(String carrierId, Carrier carrier) {
        this(carrierId, carrier, DEFAULT_CALL_TIMEOUT);
    }

    public FakeTongpao(String carrierId, Carrier carrier, Duration callTimeout) {
        if (carrierId == null || !CARRIER_ID.matcher(carrierId).matches()) {
            throw new IllegalArgumentException("carrierId (service property " + Carrier.ID_PROPERTY
                    + ") must be 1-32 lower-case letters, digits or '-', was " + carrierId);
        }
        this.carrierId = carrierId;
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive");
        }
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "fake-tongpao-" + instance + "-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newCachedThreadPool(factory);
    }

    public String carrierId() {
        return carrierId;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    /** The carrier's profile, as the platform reads it when the carrier registers. */
    public CarrierProfile profile() {
        try {
            return notNull("profile()", call("profile()", carrier::profile));
        } catch (CarrierException e) {
            throw new ContractViolation("profile() cannot throw CarrierException", e); // not reachable
        }
    }

    /** Quotes an order to a depot, as the platform does (SPI 1.2: with its {@link Destination}). */
    public Quote quote(ShipmentOrder order) throws CarrierException {
        return quote(order, Samples.depot(order));
    }

    /** Quotes an order, telling the carrier what the destination is (a depot, or a front-line unit). @since 1.2 */
    public Quote quote(ShipmentOrder order, Destination destination) throws CarrierException {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(destination, "destination");
        return notNull("quote(" + order.shipmentRef() + ")", call("quote(" + order.shipmentRef() + ")",
                () -> carrier.quote(order, destination)));
    }

    /**
     * Books through the carrier and checks idempotency against every earlier booking made through this
     * fake: the same {@code shipmentRef} must give the same waybill, and a waybill must not serve two
     * shipment references.
     */
    public Booking book(ShipmentOrder order) throws CarrierException {
        return book(order, Samples.depot(order));
    }

    /** Books as {@link #book(ShipmentOrder)}, telling the carrier what the destination is. @since 1.2 */
    public Booking book(ShipmentOrder order, Destination destination) throws CarrierException {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(destination, "destination");
        String what = "book(" + order.shipmentRef() + ")";
        Booking booking = notNull(what, call(what, () -> carrier.book(order, destination)));
        synchronized (lock) {
            String earlier = waybillByRef.get(order.shipmentRef());
            if (earlier != null && !earlier.equals(booking.waybill())) {
                throw new ContractViolation("booking shipmentRef " + order.shipmentRef() + " again returned waybill "
                        + booking.waybill() + " but the first booking returned " + earlier
                        + ": book must be idempotent per shipmentRef (Tongpao retries after a timeout and must"
                        + " never book twice)");
            }
            String owner = refByWaybill.get(booking.waybill());
            if (owner != null && !owner.equals(order.shipmentRef())) {
                throw new ContractViolation("book(" + order.shipmentRef() + ") returned waybill " + booking.waybill()
                        + ", which is already the waybill of shipmentRef " + owner
                        + ": each shipment needs its own waybill");
            }
            waybillByRef.put(order.shipmentRef(), booking.waybill());
            refByWaybill.put(booking.waybill(), order.shipmentRef());
        }
        return booking;
    }

    public void cancel(String waybill, String reason) throws CarrierException {
        call("cancel(" + waybill + ")", () -> {
            carrier.cancel(waybill, reason);
            return Boolean.TRUE;
        });
    }

    /** The carrier's events for the waybill; checks they all belong to it and are oldest first. */
    public List<TrackingEvent> track(String waybill) throws CarrierException {
        String what = "track(" + waybill + ")";
        List<TrackingEvent> events = notNull(what, call(what, () -> carrier.track(waybill)));
        Instant previous = null;
        for (int i = 0; i < events.size(); i++) {
            TrackingEvent e = events.get(i);
            if (e == null) {
                throw new ContractViolation(what + " returned a null event at index " + i);
            }
            if (!e.waybill().equals(waybill)) {
                throw new ContractViolation(what + " returned an event of waybill " + e.waybill() + " at index " + i
                        + ": track must return only the events of the waybill asked for");
            }
            if (previous != null && e.at().isBefore(previous)) {
                throw new ContractViolation(what + " returned events out of order: " + e.at() + " at index " + i
                        + " is before " + previous + " at index " + (i - 1) + "; track must return them oldest first");
            }
            previous = e.at();
        }
        return List.copyOf(events);
    }

    /** The waybills booked through this fake, by shipment reference. */
    public Map<String, String> bookings() {
        synchronized (lock) {
            return Map.copyOf(waybillByRef);
        }
    }

    @Override
    public int publish(String carrierId, List<TrackingEvent> events) {
        if (!this.carrierId.equals(carrierId)) {
            throw new IllegalArgumentException("events published for carrier " + carrierId + ", but this bundle"
                    + " registered only carrier " + this.carrierId);
        }
        if (events == null) {
            throw new IllegalArgumentException("events is required");
        }
        synchronized (lock) {
            for (TrackingEvent e : events) {
                if (e == null) {
                    throw new IllegalArgumentException("events must not contain null");
                }
                if (!refByWaybill.containsKey(e.waybill())) {
                    throw new IllegalArgumentException("unknown waybill " + e.waybill() + ": Tongpao did not book it"
                            + " with carrier " + carrierId);
                }
            }
            int added = 0;
            for (TrackingEvent e : events) {
                if (pushedKeys.add(List.of(e.waybill(), e.status(), e.at()))) {
                    pushed.add(e);
                    added++;
                }
            }
            lock.notifyAll();
            return added;
        }
    }

    /** Every event pushed so far, duplicates left out, in arrival order. */
    public List<TrackingEvent> pushedEvents() {
        synchronized (lock) {
            return List.copyOf(pushed);
        }
    }

    public List<TrackingEvent> pushedEvents(String waybill) {
        synchronized (lock) {
            return pushed.stream().filter(e -> e.waybill().equals(waybill)).toList();
        }
    }

    /**
     * Waits (without polling) until an event with the given status was pushed for the waybill.
     *
     * @throws ContractViolation if none arrived in time
     */
    public TrackingEvent awaitPushed(String waybill, TrackingStatus status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (TrackingEvent e : pushed) {
                    if (e.waybill().equals(waybill) && e.status() == status) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Set<TrackingStatus> seen = new LinkedHashSet<>();
                    pushedEvents(waybill).forEach(e -> seen.add(e.status()));
                    throw new ContractViolation("no " + status + " event was pushed for waybill " + waybill
                            + " within " + timeout.toMillis() + " ms; pushed so far: " + seen);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ContractViolation("interrupted while waiting for " + status + " of " + waybill, e);
                }
            }
        }
    }

    /** Stops the worker threads (a hung carrier call is interrupted). */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private <T> T call(String what, Callable<T> task) throws CarrierException {
        Future<T> future = workers.submit(task);
        try {
            return future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ContractViolation(what + " did not answer within " + callTimeout.toMillis() + " ms; Tongpao"
                    + " abandons such a call and counts it as the carrier's failure. Give remote calls a timeout"
                    + " shorter than Tongpao's and throw CarrierException(message, true) instead");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CarrierException ce) {
                throw ce;
            }
            if (cause instanceof ContractViolation cv) {
                throw cv;
            }
            throw new ContractViolation(what + " threw " + cause.getClass().getName() + ": " + cause.getMessage()
                    + "; Tongpao counts anything but CarrierException as the carrier's failure"
                    + (cause instanceof IllegalArgumentException
                            ? " (a value type refusing an out-of-bounds value throws IllegalArgumentException)" : ""),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ContractViolation("interrupted while waiting for " + what, e);
        }
    }

    private static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new ContractViolation(what + " returned null");
        }
        return value;
    }
}
