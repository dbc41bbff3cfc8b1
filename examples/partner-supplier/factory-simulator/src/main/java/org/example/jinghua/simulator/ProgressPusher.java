package org.example.jinghua.simulator;

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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The factory's webhooks: each notice Tongpao takes is POSTed, one per call and in number order (one
 * thread), to Tongpao's progress endpoint with the partner account's HTTP Basic credentials. No answer,
 * 404 (Tongpao may not have stored the order's reference yet), 429 and 5xx are tried again; every attempt
 * is recorded.
 */
final class ProgressPusher {
    private final ObjectMapper json;
    private final ExecutorService thread;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Object lock = new Object();
    private final List<PushAttempt> attempts = new ArrayList<>();
    private URI endpoint;
    private String authorization;
    private int tries = 3;
    private Duration backoff = Duration.ofMillis(200);

    ProgressPusher(ObjectMapper json, ExecutorService thread) {
        this.json = json;
        this.thread = thread;
    }

    void target(URI progressUrl, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        synchronized (lock) {
            endpoint = progressUrl;
            authorization = progressUrl == null ? null : "Basic " + token;
        }
    }

    void retries(int count, Duration delay) {
        if (count < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("count must be at least 1 and delay not negative");
        }
        synchronized (lock) {
            tries = count;
            backoff = delay;
        }
    }

    /** Queues the notice if pushing is on and Tongpao takes its kind. */
    void offer(Notice notice) {
        Optional<ObjectNode> event = NoticeJson.tongpaoFormat(json, notice);
        synchronized (lock) {
            if (endpoint == null || event.isEmpty()) {
                return;
            }
            ObjectNode body = json.createObjectNode();
            body.putArray("events").add(event.get());
            URI url = endpoint;
            String auth = authorization;
            int count = tries;
            Duration delay = backoff;
            thread.execute(() -> push(url, auth, notice, body, count, delay));
        }
    }

    List<PushAttempt> attempts() {
        synchronized (lock) {
            return List.copyOf(attempts);
        }
    }

    /** Waits (without polling) for the last attempt of the push of this kind of notice for the order. */
    PushAttempt await(String orderNo, String kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Optional<PushAttempt> done = attempts.stream()
                        .filter(a -> a.last() && a.orderNo().equals(orderNo) && a.kind().equals(kind)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + kind + " push for " + orderNo + " within " + timeout
                            + "; attempts so far: " + attempts);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    private void push(URI url, String auth, Notice notice, ObjectNode body, int count, Duration delay) {
        for (int attempt = 1; attempt <= count; attempt++) {
            int status;
            String answer;
            try {
                if (attempt > 1) {
                    Thread.sleep(delay.toMillis()); // the factory's own retry delay
                }
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("Authorization", auth)
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                status = -1;
                answer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean again = attempt < count && (status == -1 || status == 404 || status == 429 || status >= 500);
            synchronized (lock) {
                attempts.add(new PushAttempt(notice.orderNo(), notice.kind(), notice.seq(), status, answer, attempt,
                        !again));
                lock.notifyAll();
            }
            if (!again) {
                return;
            }
        }
    }
}
