package org.example.express.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Express Logistics' courier system, simulated in memory for tests: its own JSON order API on
 * {@code http://127.0.0.1:<free port>} and tracking webhooks to Tongpao. Plain Java, usable from JUnit and
 * from a Pax Exam test (it runs in the test JVM, the carrier bundle in Karaf calls it over HTTP).
 *
 * <h2>The courier's API</h2> Every call needs the header {@code X-Api-Key}.
 * <ul>
 * <li>{@code POST /v2/quotes} {@code {"origin":"11","destination":"42","parcels":3,"weightKg":12.5,
 * "restrictedArea":true,"doorstep":false}} (doorstep: to a front-line unit's door, 15 CNY more) → {@code {"amount":"83.00","currency":"CNY","pickupHours":6,"transitHours":20,
 * "validForMinutes":60}}; over 2000 kg → 422.</li>
 * <li>{@code POST /v2/orders} {@code {"clientReference":"SH-1","origin":{"province":"11","name":…},
 * "destination":{…},"parcels":3,"weightKg":12.5,"restrictedArea":true,"remark":…}} → 201 {@code
 * {"waybill":"EX000001","clientReference":"SH-1","state":"ACCEPTED","etaPickup":…,"etaDelivery":…}};
 * the same {@code clientReference} again → 200 with the same order.</li>
 * <li>{@code GET /v2/orders/{waybill}/events} → {@code {"waybill":…,"events":[{"code":"COLLECTED",
 * "time":…,"place":…,"remark":…,"signedBy":…,"signature":…}]}}, oldest first; unknown → 404.</li>
 * <li>{@code POST /v2/orders/{waybill}/cancel} {@code {"reason":…}} → 200; after collection → 409.</li>
 * </ul>
 * Event codes: ACCEPTED, COLLECTED, LINEHAUL, CHECKPOINT, SIGNED, PROBLEM, CANCELLED (on Tongpao's request),
 * ABORTED (Express gives up an order it collected: Tongpao CANCELLED after hand-over, a return), RETURNED (brought
 * back to the sender: Tongpao RETURNED).
 *
 * <h2>Webhooks</h2> After {@link #pushTo}, every new event (but CANCELLED, which Tongpao asked for) is POSTed, one event per call,
 * in Tongpao's format ({@code {"events":[{"waybill","status","at","location","note","proof"}]}}) with HTTP
 * Basic credentials; each attempt's HTTP status is recorded ({@link #webhookCalls()}, {@link #awaitWebhook}),
 * and an event Tongpao did not take (no answer, 404, 429, 5xx) is tried again ({@link #webhookRetries}).
 *
 * <h2>Inside</h2> This class is the switchboard a test holds; the work is done by {@link Courier} (the order book
 * and the moves an order may make), {@link CourierApi} (the HTTP API), {@link WebhookPusher} (the webhooks) and
 * {@link Outages} (the failures a test switches on).
 */
public final class CourierSimulator implements AutoCloseable {
    public static final String DEFAULT_API_KEY = "sim-key";
    /** Heaviest order the courier takes, in kg. */
    public static final BigDecimal MAX_WEIGHT_KG = CourierApi.MAX_WEIGHT_KG;

    /** One event of an order, as the courier records it. */
    public record Event(String code, Instant time, String place, String remark, String signedBy, String signature) {
    }

    /**
     * One webhook attempt: the event it carried, Tongpao's answer (-1 if no HTTP answer came), which attempt
     * it was (1, 2, …) and whether it was the last one for this event (a success, a refusal that is not
     * retried, or the last try).
     */
    public record WebhookCall(String waybill, String status, int httpStatus, String responseBody, int attempt,
            boolean last) {
        public boolean succeeded() {
            return httpStatus >= 200 && httpStatus < 300;
        }
    }

    /** Collected and moving: where an order may go on the road, be at a checkpoint or be handed over from. */
    private static final List<String> MOVING = List.of("COLLECTED", "LINEHAUL", "CHECKPOINT");

    private final String apiKey;
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookPusher webhooks = new WebhookPusher(json);
    private final Courier courier = new Courier(webhooks);
    private final Outages outages = new Outages();
    private final CourierApi api;
    private final AtomicInteger requests = new AtomicInteger();
    private final Object lock = new Object();
    private HttpServer server;
    private ExecutorService httpThreads;
    private ExecutorService webhookThread;

    /** A simulator expecting the API key {@value #DEFAULT_API_KEY}. */
    public CourierSimulator() {
        this(DEFAULT_API_KEY);
    }

    public CourierSimulator(String apiKey) {
        this.apiKey = apiKey;
        this.api = new CourierApi(apiKey, courier, outages, json);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts on 127.0.0.1 and a free port. */
    public CourierSimulator start() throws IOException {
        synchronized (lock) {
            if (server != null) {
                throw new IllegalStateException("already started");
            }
            httpThreads = Executors.newCachedThreadPool(daemon("courier-sim-http"));
            webhookThread = Executors.newSingleThreadExecutor(daemon("courier-sim-webhook"));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/", ex -> {
                requests.incrementAndGet();
                api.answer(ex);
            });
            server.setExecutor(httpThreads);
            outages.stopped(false);
            webhooks.sendOn(webhookThread);
            server.start();
            return this;
        }
    }

    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("not started");
            }
            return server.getAddress().getPort();
        }
    }

    /** {@code http://127.0.0.1:<port>}: the carrier's {@code baseUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String apiKey() {
        return apiKey;
    }

    /** Stops the server, releases hung calls and drops pending webhooks. Orders are kept. */
    public void stop() {
        HttpServer s;
        synchronized (lock) {
            s = server;
            server = null;
            outages.stopped(true);
            webhooks.sendOn(null);
        }
        if (s != null) {
            s.stop(0);
            httpThreads.shutdownNow();
            webhookThread.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- controls for tests

    /** Sends every later event to Tongpao's tracking endpoint, e.g. {@code http://127.0.0.1:8181/api/v1/carriers/express/tracking}. */
    public void pushTo(URI trackingUrl, String user, String password) {
        webhooks.target(trackingUrl, user, password);
    }

    /**
     * How often one event is tried (default 3, 100 ms apart). Express retries when Tongpao does not answer,
     * answers 5xx or 429, or answers 404: its ACCEPTED event can reach Tongpao before Tongpao has read the
     * booking's answer and so knows the waybill.
     */
    public void webhookRetries(int attempts, Duration backoff) {
        webhooks.retries(attempts, backoff);
    }

    public void stopPushing() {
        webhooks.target(null, null, null);
    }

    /** Whether new orders are accepted at once (default) or stay CREATED — a breach of the "accept within" promise. */
    public void acceptOrders(boolean accept) {
        courier.acceptOrders(accept);
    }

    /** The next {@code calls} API calls answer 503. */
    public void failNextCalls(int calls) {
        outages.failNext(calls);
    }

    /** The next {@code calls} API calls hang until {@link #releaseHungCalls()}, {@link #stop()} or 60 s. */
    public void hangNextCalls(int calls) {
        outages.hangNext(calls);
    }

    /** Lets hung calls go on (their clients have usually given up by then). */
    public void releaseHungCalls() {
        outages.releaseHung();
    }

    /** Accepts an order that was left CREATED (see {@link #acceptOrders}). */
    public Event accept(String waybill) {
        return courier.advance(waybill, "ACCEPTED", "Express dispatch", null, null, null, List.of("CREATED"));
    }

    /** The courier collected the goods (Tongpao: PICKED_UP). */
    public Event pickUp(String waybill, String place) {
        return courier.advance(waybill, "COLLECTED", place, null, null, null, List.of("CREATED", "ACCEPTED"));
    }

    /** On the road (Tongpao: IN_TRANSIT). */
    public Event inTransit(String waybill, String place) {
        return courier.advance(waybill, "LINEHAUL", place, null, null, null, MOVING);
    }

    /** At the checkpoint of a locked-down area (Tongpao: AT_CHECKPOINT). */
    public Event atCheckpoint(String waybill, String place) {
        return courier.advance(waybill, "CHECKPOINT", place, null, null, null, MOVING);
    }

    /** Handed over and signed for (Tongpao: DELIVERED with proof: the receiver, the time, {@code sig-<waybill>}). */
    public Event deliver(String waybill, String receivedBy) {
        return courier.advance(waybill, "SIGNED", "destination", null, receivedBy, "sig-" + waybill, MOVING);
    }

    /** Something went wrong (Tongpao: EXCEPTION). */
    public Event problem(String waybill, String remark) {
        return courier.advance(waybill, "PROBLEM", null, remark, null, null, List.of("CREATED", "ACCEPTED",
                "COLLECTED", "LINEHAUL", "CHECKPOINT", "PROBLEM"));
    }

    /**
     * Express gives up an order it has collected (truck impounded, road closed): pushed as Tongpao's CANCELLED, which
     * after hand-over starts a return that Tongpao blames on the carrier.
     */
    public Event abort(String waybill, String remark) {
        return courier.advance(waybill, "ABORTED", null, remark, null, null, Courier.ON_THE_ROAD);
    }

    /** Express brings the goods back to the sender (refused at the destination, undeliverable): Tongpao RETURNED. */
    public Event returnToSender(String waybill, String remark) {
        List<String> from = new ArrayList<>(Courier.ON_THE_ROAD);
        from.add("ABORTED");
        return courier.advance(waybill, "RETURNED", "sender", remark, null, null, from);
    }

    // ---------------------------------------------------------------- inspection

    public Optional<String> waybillOf(String clientReference) {
        return courier.waybillOf(clientReference);
    }

    /** CREATED, ACCEPTED, COLLECTED, LINEHAUL, CHECKPOINT, SIGNED, PROBLEM, CANCELLED, ABORTED or RETURNED. */
    public String state(String waybill) {
        return courier.state(waybill);
    }

    public List<Event> events(String waybill) {
        return courier.events(waybill);
    }

    public int orderCount() {
        return courier.orderCount();
    }

    /** API calls received so far (authorised or not). */
    public int requestCount() {
        return requests.get();
    }

    public List<WebhookCall> webhookCalls() {
        return webhooks.calls();
    }

    /**
     * Waits (without polling) until the webhook for the waybill with this Tongpao status is done (succeeded,
     * or failed for the last time) and returns that last attempt.
     */
    public WebhookCall awaitWebhook(String waybill, String tongpaoStatus, Duration timeout) throws InterruptedException {
        return webhooks.await(waybill, tongpaoStatus, timeout);
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
