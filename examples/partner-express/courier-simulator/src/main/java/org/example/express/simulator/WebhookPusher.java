package org.example.express.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.example.express.simulator.CourierSimulator.Event;
import org.example.express.simulator.CourierSimulator.WebhookCall;

/**
 * Express' tracking webhooks: each event Tongpao has a status for is POSTed in Tongpao's format, one event per
 * call and in the order they happened (one thread), with HTTP Basic credentials. No answer, 404 (Tongpao may not
 * know the waybill yet), 429 and 5xx are tried again; every attempt is recorded.
 */
final class WebhookPusher {
    /** Express' event code → Tongpao's status; CANCELLED is missing: Tongpao asked for it, so it is not pushed. */
    private static final Map<String, String> TONGPAO_STATUS = Map.of("ACCEPTED", "ACCEPTED", "COLLECTED", "PICKED_UP",
            "LINEHAUL", "IN_TRANSIT", "CHECKPOINT", "AT_CHECKPOINT", "SIGNED", "DELIVERED", "PROBLEM", "EXCEPTION",
            "ABORTED", "CANCELLED", "RETURNED", "RETURNED");

    private final ObjectMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Object lock = new Object();
    private final List<WebhookCall> calls = new ArrayList<>();
    private ExecutorService thread;
    private URI url;
    private String authorization;
    private int attempts = 3;
    private Duration backoff = Duration.ofMillis(100);

    WebhookPusher(ObjectMapper json) {
        this.json = json;
    }

    /** Sends on {@code sender} from now on; {@code null}: the simulator stopped, later events are not sent. */
    void sendOn(ExecutorService sender) {
        synchronized (lock) {
            thread = sender;
        }
    }

    /** Where to send ({@code null}: stop pushing). */
    void target(URI trackingUrl, String user, String password) {
        synchronized (lock) {
            url = trackingUrl;
            authorization = trackingUrl == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    void retries(int count, Duration delay) {
        if (count < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("attempts must be at least 1 and backoff not negative");
        }
        synchronized (lock) {
            attempts = count;
            backoff = delay;
        }
    }

    /** Queues the event's webhook if pushing is on and Tongpao has a status for it, with today's settings. */
    void offer(String waybill, Event e) {
        String status = TONGPAO_STATUS.get(e.code());
        synchronized (lock) {
            if (status == null || url == null || thread == null) {
                return;
            }
            URI to = url;
            String credentials = authorization;
            int tries = attempts;
            Duration delay = backoff;
            thread.execute(() -> send(to, credentials, waybill, status, e, tries, delay));
        }
    }

    List<WebhookCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** Waits (without polling) for the last attempt of the waybill's webhook with this Tongpao status. */
    WebhookCall await(String waybill, String tongpaoStatus, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (WebhookCall c : calls) {
                    if (c.last() && c.waybill().equals(waybill) && c.status().equals(tongpaoStatus)) {
                        return c;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + tongpaoStatus + " webhook for " + waybill + " within " + timeout
                            + "; calls so far: " + calls);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    private void send(URI to, String credentials, String waybill, String status, Event e, int tries, Duration delay) {
        for (int attempt = 1; attempt <= tries; attempt++) {
            int httpStatus;
            String answer;
            try {
                if (attempt > 1) {
                    Thread.sleep(delay.toMillis()); // the courier's own retry delay, not a test's wait
                }
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(to)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", credentials)
                        .POST(HttpRequest.BodyPublishers.ofString(body(waybill, status, e)))
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
            boolean retry = attempt < tries
                    && (httpStatus == -1 || httpStatus == 404 || httpStatus == 429 || httpStatus >= 500);
            synchronized (lock) {
                calls.add(new WebhookCall(waybill, status, httpStatus, answer, attempt, !retry));
                lock.notifyAll();
            }
            if (!retry) {
                return;
            }
        }
    }

    /** Tongpao's push format: {@code {"events":[{"waybill","status","at","location","note","proof"}]}}. */
    private String body(String waybill, String status, Event e) throws JsonProcessingException {
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
        return json.writeValueAsString(body);
    }
}
