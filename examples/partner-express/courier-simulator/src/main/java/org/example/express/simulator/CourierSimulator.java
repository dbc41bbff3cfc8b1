package org.example.express.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 */
public final class CourierSimulator implements AutoCloseable {
    public static final String DEFAULT_API_KEY = "sim-key";
    /** Heaviest order the courier takes, in kg. */
    public static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("2000");
    private static final Duration MAX_HANG = Duration.ofSeconds(60);
    private static final Map<String, String> TONGPAO_STATUS = Map.of("ACCEPTED", "ACCEPTED", "COLLECTED", "PICKED_UP",
            "LINEHAUL", "IN_TRANSIT", "CHECKPOINT", "AT_CHECKPOINT", "SIGNED", "DELIVERED", "PROBLEM", "EXCEPTION",
            "ABORTED", "CANCELLED", "RETURNED", "RETURNED");
    /** States of an order Express has collected and not yet handed over. */
    private static final String[] ON_THE_ROAD = {"COLLECTED", "LINEHAUL", "CHECKPOINT", "PROBLEM"};

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

    private static final class Order {
        final String waybill;
        final String reference;
        final String destination;
        final Instant created;
        String state = "CREATED";
        final List<Event> events = new ArrayList<>();

        Order(String waybill, String reference, String destination, Instant created) {
            this.waybill = waybill;
            this.reference = reference;
            this.destination = destination;
            this.created = created;
        }
    }

    private final String apiKey;
    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, String> waybillByReference = new HashMap<>();
    private final List<WebhookCall> webhookCalls = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private int sequence;
    private boolean acceptOrders = true;
    private int failNext;
    private int hangNext;
    private CountDownLatch hangRelease = new CountDownLatch(1);
    private int webhookAttempts = 3;
    private Duration webhookBackoff = Duration.ofMillis(100);
    private URI webhookUrl;
    private String webhookAuthorization;
    private HttpServer server;
    private ExecutorService httpThreads;
    private ExecutorService webhookThread;
    private HttpClient webhookClient;

    /** A simulator expecting the API key {@value #DEFAULT_API_KEY}. */
    public CourierSimulator() {
        this(DEFAULT_API_KEY);
    }

    public CourierSimulator(String apiKey) {
        this.apiKey = apiKey;
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
            webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/", this::handle);
            server.setExecutor(httpThreads);
            server.start();
            hangRelease = new CountDownLatch(1);
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
            hangRelease.countDown();
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
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        synchronized (lock) {
            webhookUrl = trackingUrl;
            webhookAuthorization = "Basic " + token;
        }
    }

    /**
     * How often one event is tried (default 3, 100 ms apart). Express retries when Tongpao does not answer,
     * answers 5xx or 429, or answers 404: its ACCEPTED event can reach Tongpao before Tongpao has read the
     * booking's answer and so knows the waybill.
     */
    public void webhookRetries(int attempts, Duration backoff) {
        if (attempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("attempts must be at least 1 and backoff not negative");
        }
        synchronized (lock) {
            webhookAttempts = attempts;
            webhookBackoff = backoff;
        }
    }

    public void stopPushing() {
        synchronized (lock) {
            webhookUrl = null;
            webhookAuthorization = null;
        }
    }

    /** Whether new orders are accepted at once (default) or stay CREATED — a breach of the "accept within" promise. */
    public void acceptOrders(boolean accept) {
        synchronized (lock) {
            acceptOrders = accept;
        }
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

    /** Lets hung calls go on (their clients have usually given up by then). */
    public void releaseHungCalls() {
        synchronized (lock) {
            hangNext = 0;
            hangRelease.countDown();
            hangRelease = new CountDownLatch(1);
        }
    }

    /** Accepts an order that was left CREATED (see {@link #acceptOrders}). */
    public Event accept(String waybill) {
        return advance(waybill, "ACCEPTED", "Express dispatch", null, null, null, "CREATED");
    }

    /** The courier collected the goods (Tongpao: PICKED_UP). */
    public Event pickUp(String waybill, String place) {
        return advance(waybill, "COLLECTED", place, null, null, null, "CREATED", "ACCEPTED");
    }

    /** On the road (Tongpao: IN_TRANSIT). */
    public Event inTransit(String waybill, String place) {
        return advance(waybill, "LINEHAUL", place, null, null, null, "COLLECTED", "LINEHAUL", "CHECKPOINT");
    }

    /** At the checkpoint of a locked-down area (Tongpao: AT_CHECKPOINT). */
    public Event atCheckpoint(String waybill, String place) {
        return advance(waybill, "CHECKPOINT", place, null, null, null, "COLLECTED", "LINEHAUL", "CHECKPOINT");
    }

    /** Handed over and signed for (Tongpao: DELIVERED with proof: the receiver, the time, {@code sig-<waybill>}). */
    public Event deliver(String waybill, String receivedBy) {
        return advance(waybill, "SIGNED", "destination", null, receivedBy, "sig-" + waybill, "COLLECTED", "LINEHAUL",
                "CHECKPOINT");
    }

    /** Something went wrong (Tongpao: EXCEPTION). */
    public Event problem(String waybill, String remark) {
        return advance(waybill, "PROBLEM", null, remark, null, null, "CREATED", "ACCEPTED", "COLLECTED", "LINEHAUL",
                "CHECKPOINT", "PROBLEM");
    }

    /**
     * Express gives up an order it has collected (truck impounded, road closed): pushed as Tongpao's CANCELLED, which
     * after hand-over starts a return that Tongpao blames on the carrier.
     */
    public Event abort(String waybill, String remark) {
        return advance(waybill, "ABORTED", null, remark, null, null, ON_THE_ROAD);
    }

    /** Express brings the goods back to the sender (refused at the destination, undeliverable): Tongpao RETURNED. */
    public Event returnToSender(String waybill, String remark) {
        String[] from = java.util.Arrays.copyOf(ON_THE_ROAD, ON_THE_ROAD.length + 1);
        from[ON_THE_ROAD.length] = "ABORTED";
        return advance(waybill, "RETURNED", "sender", remark, null, null, from);
    }

    // ---------------------------------------------------------------- inspection

    public Optional<String> waybillOf(String clientReference) {
        synchronized (lock) {
            return Optional.ofNullable(waybillByReference.get(clientReference));
        }
    }

    /** CREATED, ACCEPTED, COLLECTED, LINEHAUL, CHECKPOINT, SIGNED, PROBLEM, CANCELLED, ABORTED or RETURNED. */
    public String state(String waybill) {
        synchronized (lock) {
            return order(waybill).state;
        }
    }

    public List<Event> events(String waybill) {
        synchronized (lock) {
            return List.copyOf(order(waybill).events);
        }
    }

    public int orderCount() {
        synchronized (lock) {
            return orders.size();
        }
    }

    /** API calls received so far (authorised or not). */
    public int requestCount() {
        return requests.get();
    }

    public List<WebhookCall> webhookCalls() {
        synchronized (lock) {
            return List.copyOf(webhookCalls);
        }
    }

    /**
     * Waits (without polling) until the webhook for the waybill with this Tongpao status is done (succeeded,
     * or failed for the last time) and returns that last attempt.
     */
    public WebhookCall awaitWebhook(String waybill, String tongpaoStatus, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (WebhookCall c : webhookCalls) {
                    if (c.last() && c.waybill().equals(waybill) && c.status().equals(tongpaoStatus)) {
                        return c;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + tongpaoStatus + " webhook for " + waybill + " within " + timeout
                            + "; calls so far: " + webhookCalls);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    // ---------------------------------------------------------------- the order model

    private Order order(String waybill) {
        Order o = orders.get(waybill);
        if (o == null) {
            throw new IllegalArgumentException("no order " + waybill);
        }
        return o;
    }

    private Event advance(String waybill, String code, String place, String remark, String signedBy, String signature,
            String... from) {
        Event event;
        synchronized (lock) {
            Order o = order(waybill);
            if (!List.of(from).contains(o.state)) {
                throw new IllegalStateException("order " + waybill + " is " + o.state + "; " + code + " needs one of "
                        + List.of(from));
            }
            event = record(o, code, place, remark, signedBy, signature);
        }
        return event;
    }

    /** Adds an event (times strictly increase per order) and queues its webhook; caller holds the lock. */
    private Event record(Order o, String code, String place, String remark, String signedBy, String signature) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!o.events.isEmpty()) {
            Instant last = o.events.get(o.events.size() - 1).time();
            if (!now.isAfter(last)) {
                now = last.plusMillis(1);
            }
        }
        Event e = new Event(code, now, place, remark, signedBy, signature);
        o.events.add(e);
        o.state = code;
        String status = TONGPAO_STATUS.get(code);
        if (status != null && webhookUrl != null && webhookThread != null) {
            URI url = webhookUrl;
            String authorization = webhookAuthorization;
            String waybill = o.waybill;
            int attempts = webhookAttempts;
            Duration backoff = webhookBackoff;
            webhookThread.execute(() -> sendWebhook(url, authorization, waybill, status, e, attempts, backoff));
        }
        return e;
    }

    private void sendWebhook(URI url, String authorization, String waybill, String status, Event e, int attempts,
            Duration backoff) {
        ObjectNode event = json.createObjectNode();
        event.put("waybill", waybill);
        event.put("status", status);
        event.put("at", e.time().toString());
        event.put("location", e.place());
        event.put("note", e.remark());
        if (e.signedBy() != null) {
            ObjectNode proof = event.putObject("proof");
            proof.put("receivedBy", e.signedBy());
            proof.put("receivedAt", e.time().toString());
            proof.put("reference", e.signature());
        } else {
            event.putNull("proof");
        }
        ObjectNode body = json.createObjectNode();
        body.putArray("events").add(event);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int httpStatus;
            String answer;
            try {
                if (attempt > 1) {
                    Thread.sleep(backoff.toMillis()); // the courier's own retry delay, not a test's wait
                }
                HttpResponse<String> response = webhookClient.send(HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                httpStatus = response.statusCode();
                answer = response.body();
            } catch (IOException ex) {
                httpStatus = -1;
                answer = ex.toString();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean retry = attempt < attempts
                    && (httpStatus == -1 || httpStatus == 404 || httpStatus == 429 || httpStatus >= 500);
            synchronized (lock) {
                webhookCalls.add(new WebhookCall(waybill, status, httpStatus, answer, attempt, !retry));
                lock.notifyAll();
            }
            if (!retry) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try {
            requests.incrementAndGet();
            if (!apiKey.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
                send(ex, 401, error("UNAUTHORIZED", "missing or wrong X-Api-Key"));
                return;
            }
            CountDownLatch hang = null;
            synchronized (lock) {
                if (failNext > 0) {
                    failNext--;
                    send(ex, 503, error("MAINTENANCE", "Express is down for maintenance"));
                    return;
                }
                if (hangNext > 0) {
                    hangNext--;
                    hang = hangRelease;
                }
            }
            if (hang != null) {
                try {
                    hang.await(MAX_HANG.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                synchronized (lock) {
                    if (server == null) {
                        return;
                    }
                }
            }
            route(ex);
        } catch (RuntimeException e) {
            send(ex, 500, error("INTERNAL", e.toString()));
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String[] path = ex.getRequestURI().getRawPath().split("/");
        // "", "v2", "orders", "{waybill}", "events"
        if (path.length < 3 || !"v2".equals(path[1])) {
            send(ex, 404, error("NOT_FOUND", "no such resource"));
            return;
        }
        JsonNode body;
        try {
            body = "POST".equals(method) ? readBody(ex) : null;
        } catch (IOException e) {
            send(ex, 400, error("BAD_REQUEST", "body is not JSON"));
            return;
        }
        if (path.length == 3 && "quotes".equals(path[2]) && "POST".equals(method)) {
            quote(ex, body);
        } else if (path.length == 3 && "orders".equals(path[2]) && "POST".equals(method)) {
            create(ex, body);
        } else if (path.length == 5 && "orders".equals(path[2]) && "events".equals(path[4]) && "GET".equals(method)) {
            events(ex, URLDecoder.decode(path[3], StandardCharsets.UTF_8));
        } else if (path.length == 5 && "orders".equals(path[2]) && "cancel".equals(path[4]) && "POST".equals(method)) {
            cancel(ex, URLDecoder.decode(path[3], StandardCharsets.UTF_8));
        } else {
            send(ex, 404, error("NOT_FOUND", "no such resource"));
        }
    }

    private void quote(HttpExchange ex, JsonNode body) throws IOException {
        BigDecimal weight = body.path("weightKg").decimalValue();
        int parcels = body.path("parcels").asInt(0);
        if (parcels < 1 || weight.signum() <= 0 || body.path("destination").asText("").isEmpty()) {
            send(ex, 400, error("BAD_REQUEST", "destination, parcels and weightKg are required"));
            return;
        }
        if (weight.compareTo(MAX_WEIGHT_KG) > 0) {
            send(ex, 422, error("OVERWEIGHT", "Express takes at most " + MAX_WEIGHT_KG + " kg per order"));
            return;
        }
        boolean restricted = body.path("restrictedArea").asBoolean(false);
        // a delivery to a unit's door (a front-line station, no depot dock) costs a courier more
        boolean doorstep = body.path("doorstep").asBoolean(false);
        BigDecimal amount = new BigDecimal("20").add(BigDecimal.valueOf(5L * parcels))
                .add(weight.multiply(new BigDecimal("2"))).add(restricted ? new BigDecimal("30") : BigDecimal.ZERO)
                .add(doorstep ? new BigDecimal("15") : BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_UP);
        ObjectNode q = json.createObjectNode();
        q.put("amount", amount.toPlainString());
        q.put("currency", "CNY");
        q.put("pickupHours", restricted ? 6 : 4);
        q.put("transitHours", "42".equals(body.path("destination").asText()) ? 20 : 30);
        q.put("validForMinutes", 60);
        send(ex, 200, q);
    }

    private void create(HttpExchange ex, JsonNode body) throws IOException {
        String reference = body.path("clientReference").asText("");
        String destination = body.path("destination").path("province").asText("");
        BigDecimal weight = body.path("weightKg").decimalValue();
        if (reference.isEmpty() || destination.isEmpty() || body.path("parcels").asInt(0) < 1 || weight.signum() <= 0) {
            send(ex, 400, error("BAD_REQUEST", "clientReference, destination.province, parcels and weightKg are required"));
            return;
        }
        if (weight.compareTo(MAX_WEIGHT_KG) > 0) {
            send(ex, 422, error("OVERWEIGHT", "Express takes at most " + MAX_WEIGHT_KG + " kg per order"));
            return;
        }
        int status;
        ObjectNode answer;
        synchronized (lock) {
            String existing = waybillByReference.get(reference);
            Order o;
            if (existing != null) {
                o = orders.get(existing);
                status = 200;
            } else {
                o = new Order(String.format("EX%06d", ++sequence), reference, destination, Instant.now());
                orders.put(o.waybill, o);
                waybillByReference.put(reference, o.waybill);
                if (acceptOrders) {
                    record(o, "ACCEPTED", "Express dispatch", null, null, null);
                }
                status = 201;
            }
            answer = orderJson(o);
        }
        send(ex, status, answer);
    }

    private ObjectNode orderJson(Order o) {
        ObjectNode n = json.createObjectNode();
        n.put("waybill", o.waybill);
        n.put("clientReference", o.reference);
        n.put("state", o.state);
        Instant created = o.created.truncatedTo(ChronoUnit.SECONDS);
        n.put("etaPickup", created.plus(Duration.ofHours(4)).toString());
        n.put("etaDelivery", created.plus(Duration.ofHours("42".equals(o.destination) ? 24 : 34)).toString());
        return n;
    }

    private void events(HttpExchange ex, String waybill) throws IOException {
        ObjectNode answer = json.createObjectNode();
        synchronized (lock) {
            Order o = orders.get(waybill);
            if (o == null) {
                send(ex, 404, error("UNKNOWN_WAYBILL", "no order " + waybill));
                return;
            }
            answer.put("waybill", waybill);
            ArrayNode list = answer.putArray("events");
            for (Event e : o.events) {
                ObjectNode n = list.addObject();
                n.put("code", e.code());
                n.put("time", e.time().toString());
                n.put("place", e.place());
                n.put("remark", e.remark());
                n.put("signedBy", e.signedBy());
                n.put("signature", e.signature());
            }
        }
        send(ex, 200, answer);
    }

    private void cancel(HttpExchange ex, String waybill) throws IOException {
        ObjectNode answer;
        int status = 200;
        synchronized (lock) {
            Order o = orders.get(waybill);
            if (o == null) {
                send(ex, 404, error("UNKNOWN_WAYBILL", "no order " + waybill));
                return;
            }
            if (o.state.equals("CREATED") || o.state.equals("ACCEPTED")) {
                record(o, "CANCELLED", null, null, null, null);
            } else if (!o.state.equals("CANCELLED")) {
                status = 409;
            }
            answer = status == 200 ? orderJson(o)
                    : error("TOO_LATE", "order " + waybill + " is " + o.state + " and can no longer be cancelled");
        }
        send(ex, status, answer);
    }

    private JsonNode readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            JsonNode n = json.readTree(in);
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            return n;
        }
    }

    private ObjectNode error(String code, String message) {
        ObjectNode n = json.createObjectNode();
        n.put("error", code);
        n.put("message", message);
        return n;
    }

    private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
