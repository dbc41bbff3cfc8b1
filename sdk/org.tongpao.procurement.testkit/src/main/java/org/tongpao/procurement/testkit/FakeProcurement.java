package org.tongpao.procurement.testkit;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressSink;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;

/**
 * A fake Tongpao procurement runtime for one channel. It calls the channel as the platform does — on a
 * worker thread, abandoning a call after the per-call limit (5 s unless told otherwise) — and turns what the
 * platform counts as the channel's failure into a {@link ContractViolation}: a hang, a {@link
 * RuntimeException} (including a value type refusing an out-of-bounds value), a {@code null} answer, a quote
 * for lines nobody asked for or for more than asked, an already expired quote, a repeated order answered
 * with another reference, a progress page out of order or naming a line the order does not have. A {@link
 * ChannelException} is the channel's legitimate refusal and reaches the caller unchanged.
 *
 * <p>It is also the channel bundle's {@link ProgressSink}: like the platform it takes events only for its
 * own channel id, at most {@link ProgressSink#MAX_EVENTS} a call, and ignores an event id it already has.
 * Close it to stop its worker threads.
 */
public final class FakeProcurement implements ProgressSink, AutoCloseable {
    /** The platform's default time limit for one channel call. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern CHANNEL_ID = Pattern.compile(Channel.ID_PATTERN);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String channelId;
    private final Channel channel;
    private final Duration callTimeout;
    private final ExecutorService workers;
    private final Object lock = new Object();
    private final Map<String, String> channelRefByOrder = new HashMap<>();
    private final Map<String, ChannelOrder> orderByChannelRef = new HashMap<>();
    private final List<ProgressEvent> pushed = new ArrayList<>();
    private final Set<String> pushedIds = new HashSet<>();

    /** A fake runtime calling {@code channel}, registered as {@code channelId}, with the 5 s limit. */
    public FakeProcurement(String channelId, Channel channel) {
        this(channelId, channel, DEFAULT_CALL_TIMEOUT);
    }

    public FakeProcurement(String channelId, Channel channel, Duration callTimeout) {
        if (channelId == null || !CHANNEL_ID.matcher(channelId).matches()) {
            throw new IllegalArgumentException("channelId (service property " + Channel.ID_PROPERTY + ") must match "
                    + Channel.ID_PATTERN + ", was " + channelId);
        }
        if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive");
        }
        this.channelId = channelId;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.callTimeout = callTimeout;
        String prefix = "fake-procurement-" + INSTANCES.incrementAndGet() + "-worker-";
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, prefix + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public String channelId() {
        return channelId;
    }

    /** The channel's offer, as the platform reads it when the channel registers. */
    public ChannelOffer offer() {
        try {
            return call("offer()", channel::offer);
        } catch (ChannelException e) {
            throw new ContractViolation("offer() cannot throw ChannelException", e); // not reachable
        }
    }

    /** The channel's quote, checked against the request: only requested lines, never more than asked, not expired. */
    public ChannelQuote quote(QuoteRequest request) throws ChannelException {
        String what = "quote(" + request.requestRef() + ")";
        ChannelQuote quote = call(what, () -> channel.quote(request));
        Map<String, Long> asked = new HashMap<>();
        request.lines().forEach(l -> asked.put(l.lineRef(), l.quantity()));
        for (QuotedLine line : quote.lines()) {
            Long quantity = asked.get(line.lineRef());
            if (quantity == null) {
                throw new ContractViolation(what + " quoted line " + line.lineRef() + ", which the request does not have "
                        + asked.keySet());
            }
            if (line.quantity() > quantity) {
                throw new ContractViolation(what + " quoted " + line.quantity() + " for line " + line.lineRef()
                        + ", more than the " + quantity + " asked for");
            }
        }
        if (!quote.validUntil().isAfter(Instant.now())) {
            throw new ContractViolation(what + " returned a quote that expired at " + quote.validUntil());
        }
        return quote;
    }

    /**
     * Places through the channel and checks idempotency against every earlier order placed through this fake:
     * the same {@code orderRef} must give the same channel reference, and no two orders may share one.
     */
    public PlacedOrder place(ChannelOrder order) throws ChannelException {
        String what = "place(" + order.orderRef() + ")";
        PlacedOrder placed = call(what, () -> channel.place(order));
        synchronized (lock) {
            String earlier = channelRefByOrder.get(order.orderRef());
            if (earlier != null && !earlier.equals(placed.channelOrderRef())) {
                throw new ContractViolation("placing orderRef " + order.orderRef() + " again returned "
                        + placed.channelOrderRef() + " but the first answer was " + earlier + ": place must be idempotent"
                        + " per orderRef (Tongpao retries after a timeout and must never order twice)");
            }
            ChannelOrder owner = orderByChannelRef.get(placed.channelOrderRef());
            if (owner != null && !owner.orderRef().equals(order.orderRef())) {
                throw new ContractViolation(what + " returned " + placed.channelOrderRef() + ", already the reference of"
                        + " orderRef " + owner.orderRef() + ": each order needs its own reference");
            }
            channelRefByOrder.put(order.orderRef(), placed.channelOrderRef());
            orderByChannelRef.put(placed.channelOrderRef(), order);
        }
        return placed;
    }

    public void cancel(String channelOrderRef, String reason) throws ChannelException {
        call("cancel(" + channelOrderRef + ")", () -> {
            channel.cancel(channelOrderRef, reason);
            return Boolean.TRUE;
        });
    }

    /** A progress page, checked: oldest first, no event id twice, lines that belong to orders placed here. */
    public ProgressPage progress(String cursor) throws ChannelException {
        String what = "progress(" + cursor + ")";
        ProgressPage page = call(what, () -> channel.progress(cursor));
        Instant previous = null;
        Set<String> ids = new HashSet<>();
        for (ProgressEvent e : page.events()) {
            if (previous != null && e.at().isBefore(previous)) {
                throw new ContractViolation(what + " returned events out of order: " + e.eventId() + " at " + e.at()
                        + " comes after an event at " + previous + "; progress must be oldest first");
            }
            previous = e.at();
            if (!ids.add(e.eventId())) {
                throw new ContractViolation(what + " returned event id " + e.eventId() + " twice in one page");
            }
            checkLine(what, e);
        }
        return page;
    }

    /** The channel's references of the orders placed through this fake, by Tongpao's order reference. */
    public Map<String, String> placedOrders() {
        synchronized (lock) {
            return Map.copyOf(channelRefByOrder);
        }
    }

    @Override
    public int publish(String channelId, List<ProgressEvent> events) {
        if (!this.channelId.equals(channelId)) {
            throw new IllegalArgumentException("progress published for channel " + channelId + ", but this bundle"
                    + " registered only channel " + this.channelId);
        }
        if (events == null || events.size() > MAX_EVENTS || events.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("events must be a list of at most " + MAX_EVENTS + " events, no null");
        }
        synchronized (lock) {
            for (ProgressEvent e : events) {
                checkLine("publish", e);
            }
            int added = 0;
            for (ProgressEvent e : events) {
                if (pushedIds.add(e.eventId())) {
                    pushed.add(e);
                    added++;
                }
            }
            lock.notifyAll();
            return added;
        }
    }

    /** Every event pushed so far, repeats left out, in arrival order. */
    public List<ProgressEvent> pushedEvents() {
        synchronized (lock) {
            return List.copyOf(pushed);
        }
    }

    /**
     * Waits (without polling) until an event with the given status was pushed for the channel's order
     * reference.
     *
     * @throws ContractViolation if none arrived in time
     */
    public ProgressEvent awaitPushed(String channelOrderRef, ProgressStatus status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (ProgressEvent e : pushed) {
                    if (e.channelOrderRef().equals(channelOrderRef) && e.status() == status) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Set<ProgressStatus> seen = new LinkedHashSet<>();
                    pushed.stream().filter(e -> e.channelOrderRef().equals(channelOrderRef)).forEach(e -> seen.add(e.status()));
                    throw new ContractViolation("no " + status + " was pushed for " + channelOrderRef + " within "
                            + timeout.toMillis() + " ms; pushed so far: " + seen);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ContractViolation("interrupted while waiting for " + status + " of " + channelOrderRef, e);
                }
            }
        }
    }

    /** Stops the worker threads (a hung channel call is interrupted). */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** An event naming a line of an order placed here must name one of that order's lines. */
    private void checkLine(String what, ProgressEvent e) {
        ChannelOrder order;
        synchronized (lock) {
            order = orderByChannelRef.get(e.channelOrderRef());
        }
        if (order != null && e.lineRef() != null
                && order.lines().stream().map(OrderLine::lineRef).noneMatch(e.lineRef()::equals)) {
            throw new ContractViolation(what + ": event " + e.eventId() + " names line " + e.lineRef() + ", which order "
                    + order.orderRef() + " does not have");
        }
    }

    private <T> T call(String what, Callable<T> task) throws ChannelException {
        Future<T> future = workers.submit(task);
        T answer;
        try {
            answer = future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ContractViolation(what + " did not answer within " + callTimeout.toMillis() + " ms; Tongpao"
                    + " abandons such a call and counts it as the channel's failure. Give remote calls a shorter"
                    + " timeout and throw ChannelException(message, true) instead");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ChannelException ce) {
                throw ce;
            }
            throw new ContractViolation(what + " threw " + cause + "; Tongpao counts anything but ChannelException as"
                    + " the channel's failure", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ContractViolation("interrupted while waiting for " + what, e);
        }
        if (answer == null) {
            throw new ContractViolation(what + " returned null");
        }
        return answer;
    }

    /** The request lines a quote left out (it may: a channel quotes what it can supply). */
    static List<String> unquoted(QuoteRequest request, ChannelQuote quote) {
        Set<String> quoted = new HashSet<>();
        quote.lines().forEach(l -> quoted.add(l.lineRef()));
        return request.lines().stream().map(RequestLine::lineRef).filter(r -> !quoted.contains(r)).toList();
    }
}
