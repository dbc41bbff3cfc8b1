package org.example.express.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's own API, its failure switches and its webhooks in Tongpao's format. */
class CourierSimulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORDER = """
            {"clientReference":"SH-1","origin":{"province":"11","name":"Central reserve"},
             "destination":{"province":"42","name":"Wuhan depot"},"parcels":3,"weightKg":12.5,"restrictedArea":true}""";
    final HttpClient http = HttpClient.newHttpClient();
    CourierSimulator sim;
    HttpServer tongpao;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sim = new CourierSimulator().start();
        tongpao = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        tongpao.createContext("/api/v1/carriers/express/tracking", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = "{\"accepted\":1,\"duplicates\":0}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(received.size() == 3 ? 404 : 200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        tongpao.start();
    }

    @AfterEach
    void stop() {
        sim.stop();
        tongpao.stop(0);
    }

    /** Long enough for a first call on a loaded machine; the hang test shortens it. */
    Duration timeout = Duration.ofSeconds(5);

    HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(timeout)
                .header("X-Api-Key", key).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, CourierSimulator.DEFAULT_API_KEY);
    }

    @Test
    void ordersAreIdempotentPerClientReferenceAndCancellableUntilCollected() throws Exception {
        HttpResponse<String> first = call("POST", "/v2/orders", ORDER);
        HttpResponse<String> again = call("POST", "/v2/orders", ORDER);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        String waybill = JSON.readTree(first.body()).path("waybill").asText();
        assertThat(JSON.readTree(again.body()).path("waybill").asText()).isEqualTo(waybill).isEqualTo("EX000001");
        assertThat(sim.orderCount()).isEqualTo(1);
        assertThat(sim.state(waybill)).isEqualTo("ACCEPTED");

        sim.pickUp(waybill, "Beijing");
        HttpResponse<String> cancel = call("POST", "/v2/orders/" + waybill + "/cancel", "{\"reason\":\"x\"}");
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(cancel.body()).path("error").asText()).isEqualTo("TOO_LATE");

        JsonNode events = JSON.readTree(call("GET", "/v2/orders/" + waybill + "/events", null).body()).path("events");
        assertThat(events).extracting(e -> e.path("code").asText()).containsExactly("ACCEPTED", "COLLECTED");
        assertThat(call("GET", "/v2/orders/NOPE/events", null).statusCode()).isEqualTo(404);
    }

    @Test
    void quotesAndRefusals() throws Exception {
        JsonNode q = JSON.readTree(call("POST", "/v2/quotes",
                "{\"origin\":\"11\",\"destination\":\"42\",\"parcels\":3,\"weightKg\":12.5,\"restrictedArea\":true}").body());
        assertThat(q.path("amount").asText()).isEqualTo("90.00");
        assertThat(call("POST", "/v2/quotes", "{\"destination\":\"42\",\"parcels\":1,\"weightKg\":2500}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/v2/quotes", "{}", "wrong").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/v2/orders", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void failureSwitches() throws Exception {
        sim.failNextCalls(1);
        assertThat(call("POST", "/v2/orders", ORDER).statusCode()).isEqualTo(503);
        sim.hangNextCalls(1);
        timeout = Duration.ofMillis(500);
        long start = System.nanoTime();
        try {
            call("POST", "/v2/orders", ORDER);
            throw new AssertionError("the call should have hung");
        } catch (HttpTimeoutException expected) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
        sim.releaseHungCalls();
        assertThat(call("POST", "/v2/orders", ORDER).statusCode()).isIn(200, 201);
    }

    @Test
    void ordersLeftUnacceptedBreachTheAcceptPromise() throws Exception {
        sim.acceptOrders(false);
        String waybill = JSON.readTree(call("POST", "/v2/orders", ORDER).body()).path("waybill").asText();
        assertThat(sim.state(waybill)).isEqualTo("CREATED");
        assertThat(sim.events(waybill)).isEmpty();
        assertThat(sim.accept(waybill).code()).isEqualTo("ACCEPTED");
        assertThatIllegalStateException().isThrownBy(() -> sim.deliver(waybill, "Li Wei")).withMessageContaining("is ACCEPTED");
    }

    @Test
    void webhooksPostEachEventInTongpaosFormatWithBasicCredentials() throws Exception {
        sim.pushTo(URI.create("http://127.0.0.1:" + tongpao.getAddress().getPort() + "/api/v1/carriers/express/tracking"),
                "express", "secret");
        String waybill = JSON.readTree(call("POST", "/v2/orders", ORDER).body()).path("waybill").asText();
        sim.pickUp(waybill, "Beijing");
        sim.atCheckpoint(waybill, "Wuhan ring road checkpoint");
        sim.deliver(waybill, "Li Wei");

        assertThat(sim.awaitWebhook(waybill, "DELIVERED", Duration.ofSeconds(5)).httpStatus()).isEqualTo(200);
        // the third call is answered 404 by this stand-in, and tried again
        assertThat(sim.webhookCalls()).extracting(CourierSimulator.WebhookCall::status)
                .containsExactly("ACCEPTED", "PICKED_UP", "AT_CHECKPOINT", "AT_CHECKPOINT", "DELIVERED");
        assertThat(sim.webhookCalls()).extracting(CourierSimulator.WebhookCall::httpStatus).containsExactly(200, 200, 404, 200, 200);
        assertThat(sim.webhookCalls()).extracting(CourierSimulator.WebhookCall::attempt).containsExactly(1, 1, 1, 2, 1);
        assertThat(authorizations).containsOnly("Basic " + Base64.getEncoder().encodeToString("express:secret".getBytes(StandardCharsets.UTF_8)));

        JsonNode picked = JSON.readTree(received.get(1)).path("events").get(0);
        assertThat(picked.path("waybill").asText()).isEqualTo(waybill);
        assertThat(picked.path("status").asText()).isEqualTo("PICKED_UP");
        assertThat(picked.path("location").asText()).isEqualTo("Beijing");
        assertThat(picked.path("proof").isNull()).isTrue();
        assertThat(picked.has("note")).isTrue();
        assertThat(received.get(3)).isEqualTo(received.get(2));
        JsonNode delivered = JSON.readTree(received.get(4)).path("events").get(0);
        assertThat(delivered.path("proof").path("receivedBy").asText()).isEqualTo("Li Wei");
        assertThat(delivered.path("proof").path("reference").asText()).isEqualTo("sig-" + waybill);
        assertThat(delivered.path("at").asText()).endsWith("Z");
    }

    @Test
    void anOrderExpressGivesUpAfterCollectionIsPushedAsCancelledAndItsReturnAsReturned() throws Exception {
        sim.pushTo(URI.create("http://127.0.0.1:" + tongpao.getAddress().getPort() + "/api/v1/carriers/express/tracking"),
                "express", "secret");
        String waybill = JSON.readTree(call("POST", "/v2/orders", ORDER).body()).path("waybill").asText();
        assertThatThrownBy(() -> sim.abort(waybill, "not collected yet")).isInstanceOf(IllegalStateException.class);
        sim.pickUp(waybill, "Beijing");
        sim.abort(waybill, "truck impounded at Xinyang");
        sim.returnToSender(waybill, "back to the central reserve");
        assertThat(sim.state(waybill)).isEqualTo("RETURNED");
        // a cancellation on request after collection is still refused: only Express gives up a collected order
        assertThat(call("POST", "/v2/orders/" + waybill + "/cancel", "{\"reason\":\"x\"}").statusCode()).isEqualTo(409);

        assertThat(sim.awaitWebhook(waybill, "RETURNED", Duration.ofSeconds(5)).succeeded()).isTrue();
        assertThat(sim.webhookCalls()).filteredOn(CourierSimulator.WebhookCall::last)
                .extracting(CourierSimulator.WebhookCall::status)
                .containsExactly("ACCEPTED", "PICKED_UP", "CANCELLED", "RETURNED");
        JsonNode cancelled = JSON.readTree(received.get(received.size() - 2)).path("events").get(0);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("note").asText()).isEqualTo("truck impounded at Xinyang");
        JsonNode returned = JSON.readTree(received.get(received.size() - 1)).path("events").get(0);
        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("location").asText()).isEqualTo("sender");
    }
}
