package org.example.jinghua.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jinghua Protective Products' order system, simulated in memory for tests: the factory's JSON API on
 * {@code http://127.0.0.1:<free port>} and its webhooks to Tongpao. Plain Java and Jackson, usable from
 * JUnit and, as a bundle, inside a Pax Exam container.
 *
 * <h2>The factory's API</h2> Every call needs the header {@code X-Partner-Key}; errors answer
 * {@code {"error":CODE,"message":…}}.
 * <ul>
 * <li>{@code GET /v1/products} → {@code {"products":[{"sku","name","standard","unitPrice","currency",
 * "leadDays","weeklyCapacity","minimumOrder"}]}}</li>
 * <li>{@code POST /v1/quotations} {@code {"sku":"JH-19083","quantity":200000}} → {@code {"quotationNo",
 * "unitPrice","total","currency":"CNY","leadDays","earliestDispatch","validUntil",…}}; unknown SKU → 404,
 * below the minimum order → 422. 5 % off from 1,000,000 pieces; a week more per further week of capacity.</li>
 * <li>{@code POST /v1/orders} {@code {"buyerReference":"PO-1","lines":[{"buyerLine":"1","sku":"JH-19083",
 * "quantity":200000}],"deliverTo":"…","province":"42","deliverBy":"2026-12-24","approvedBy":"li (procurement-officer)",
 * "justification":"…"}} (the last two optional) → 201 {@code {"orderNo":
 * "JH-000001","state":"CONFIRMED",…}}; the same buyerReference again → 200 with the same order.</li>
 * <li>{@code GET /v1/orders/{orderNo}}; {@code POST /v1/orders/{orderNo}/cancel} {@code {"reason"}} → 200;
 * once goods shipped → 409 TOO_LATE; unknown → 404.</li>
 * <li>{@code GET /v1/notices?after=<seq>&limit=<n>} → {@code {"notices":[…],"last":<seq>}}, oldest first,
 * at most 100.</li>
 * </ul>
 *
 * <h2>Webhooks</h2> After {@link #pushTo}, every notice but CANCELLED is POSTed to Tongpao as a progress
 * event (see the partner guide), with retries; {@link #pushAttempts()} and {@link #awaitPush} show Tongpao's
 * answers.
 */
public final class FactorySimulator implements AutoCloseable {
    public static final String DEFAULT_PARTNER_KEY = "sim-key";
    private static final Duration MAX_HANG = Duration.ofSeconds(60);

    private final String partnerKey;
    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService pushThread;
    private final ProgressPusher pusher;
    private final Factory factory;
    private final FactoryApi api;
    private int failNext;
    private int hangNext;
    private CountDownLatch hangRelease = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService httpThreads;

    /** A simulator expecting the partner key {@value #DEFAULT_PARTNER_KEY}. */
    public FactorySimulator() {
        this(DEFAULT_PARTNER_KEY);
    }

    public FactorySimulator(String partnerKey) {
        this.partnerKey = partnerKey;
        this.pushThread = Executors.newSingleThreadExecutor(daemon("factory-sim-push"));
        this.pusher = new ProgressPusher(json, pushThread);
        this.factory = new Factory(List.of(Product.MEDICAL_MASK, Product.KN95, Product.SURGICAL_MASK), pusher::offer);
        this.api = new FactoryApi(factory, json);
    }

    /** Starts on 127.0.0.1 and a free port. */
    public FactorySimulator start() throws IOException {
        synchronized (lock) {
            if (server != null) {
                throw new IllegalStateException("already started");
            }
            httpThreads = Executors.newCachedThreadPool(daemon("factory-sim-http"));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/", this::handle);
            server.setExecutor(httpThreads);
            server.start();
            return this;
        }
    }

    /** {@code http://127.0.0.1:<port>}: the channel's {@code baseUrl}. */
    public String baseUrl() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("not started");
            }
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    public String partnerKey() {
        return partnerKey;
    }

    /** Stops the server and the webhooks, releasing hung calls. Orders and notices are kept. */
    public void stop() {
        HttpServer s;
        synchronized (lock) {
            s = server;
            server = null;
            hangRelease.countDown();
        }
        if (s != null) {
            s.stop(0);
            httpThreads.shutdownNow();
        }
        pushThread.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- controls for tests

    /** Pushes every later notice to Tongpao, e.g. {@code http://127.0.0.1:8181/api/v1/procurement/channels/jinghua/progress}. */
    public void pushTo(URI progressUrl, String user, String password) {
        pusher.target(progressUrl, user, password);
    }

    public void stopPushing() {
        pusher.target(null, null, null);
    }

    /** How often one notice is tried (default 3, 200 ms apart). */
    public void pushRetries(int attempts, Duration backoff) {
        pusher.retries(attempts, backoff);
    }

    /** Whether new orders are confirmed at once (default) or stay RECEIVED until {@link #confirm}. */
    public void confirmOrders(boolean confirm) {
        factory.autoConfirm(confirm);
    }

    /** The next {@code calls} API calls answer 503. */
    public void failNextCalls(int calls) {
        synchronized (lock) {
            failNext = calls;
        }
    }

    /** The next {@code calls} API calls hang until {@link #releaseHungCalls()}, {@link #stop()} or 60 s. */
    public void hangNextCalls(int calls) {
        synchronized (lock) {
            hangNext = calls;
        }
    }

    public void releaseHungCalls() {
        synchronized (lock) {
            hangNext = 0;
            hangRelease.countDown();
            hangRelease = new CountDownLatch(1);
        }
    }

    public Notice confirm(String orderNo) {
        return factory.confirm(orderNo);
    }

    /** {@code made} pieces of the SKU are made so far. */
    public Notice produce(String orderNo, String sku, long made) {
        return factory.produce(orderNo, sku, made);
    }

    /** Ships part or all of a line: a waybill and a certificate of conformity come with the notice. */
    public Notice ship(String orderNo, String sku, long quantity) {
        return factory.ship(orderNo, sku, quantity);
    }

    public Notice deliver(String orderNo, String sku, long quantity) {
        return factory.deliver(orderNo, sku, quantity);
    }

    public Notice delay(String orderNo, String remark, LocalDate newDate) {
        return factory.delay(orderNo, remark, newDate);
    }

    // ---------------------------------------------------------------- inspection

    public Optional<String> orderNoOf(String buyerReference) {
        return factory.orderNoOf(buyerReference);
    }

    public FactoryOrder order(String orderNo) {
        return factory.order(orderNo);
    }

    public List<Notice> notices(String orderNo) {
        return factory.notices(orderNo);
    }

    public int orderCount() {
        return factory.orderCount();
    }

    /** API calls received so far (authorised or not). */
    public int requestCount() {
        return requests.get();
    }

    public List<PushAttempt> pushAttempts() {
        return pusher.attempts();
    }

    /** Waits (without polling) until the push of this kind of notice for the order is done and returns its last attempt. */
    public PushAttempt awaitPush(String orderNo, String kind, Duration timeout) throws InterruptedException {
        return pusher.await(orderNo, kind, timeout);
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try {
            requests.incrementAndGet();
            if (!partnerKey.equals(ex.getRequestHeaders().getFirst("X-Partner-Key"))) {
                api.send(ex, Map.entry(401, api.error("UNAUTHORIZED", "missing or wrong X-Partner-Key")));
                return;
            }
            if (injectedFault(ex)) {
                return;
            }
            api.answer(ex);
        } catch (RuntimeException e) {
            api.send(ex, Map.entry(500, api.error("INTERNAL", e.toString())));
        } finally {
            ex.close();
        }
    }

    /** Answers 503 or hangs when a test asked for it; true if the request is done with. */
    private boolean injectedFault(HttpExchange ex) throws IOException {
        CountDownLatch hang = null;
        synchronized (lock) {
            if (failNext > 0) {
                failNext--;
                api.send(ex, Map.entry(503, api.error("MAINTENANCE", "the order system is down for maintenance")));
                return true;
            }
            if (hangNext > 0) {
                hangNext--;
                hang = hangRelease;
            }
        }
        if (hang == null) {
            return false;
        }
        try {
            hang.await(MAX_HANG.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        synchronized (lock) {
            return server == null;
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
