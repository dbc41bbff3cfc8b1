package org.example.jinghua.simulator;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FactorySimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private FactorySimulator factory;
    private HttpServer tongpao;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        factory = new FactorySimulator().start();
        tongpao = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        tongpao.createContext("/", ex -> {
            received.add(ex.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200, -1);
            ex.close();
        });
        tongpao.start();
    }

    @AfterEach
    void stop() {
        factory.stop();
        tongpao.stop(0);
    }

    @Test
    void quotesWithVolumeDiscountAndLongerLeadForLargeQuantities() throws Exception {
        JsonNode small = call("POST", "/v1/quotations", "{\"sku\":\"JH-19083\",\"quantity\":200000}", 200);
        assertThat(small.get("unitPrice").asText()).isEqualTo("2.80");
        assertThat(small.get("total").asText()).isEqualTo("560000.00");
        assertThat(small.get("leadDays").asInt()).isEqualTo(5);
        JsonNode large = call("POST", "/v1/quotations", "{\"sku\":\"JH-19083\",\"quantity\":5000000}", 200);
        assertThat(large.get("unitPrice").asText()).isEqualTo("2.66");
        assertThat(large.get("leadDays").asInt()).isEqualTo(5 + 14);
        call("POST", "/v1/quotations", "{\"sku\":\"JH-NOPE\",\"quantity\":200000}", 404);
        assertThat(call("POST", "/v1/quotations", "{\"sku\":\"JH-19083\",\"quantity\":10}", 422).get("error").asText())
                .isEqualTo("BELOW_MINIMUM");
    }

    @Test
    void ordersAreIdempotentPerBuyerReferenceAndNumberedNoticesPageOldestFirst() throws Exception {
        JsonNode first = call("POST", "/v1/orders", order("PO-1"), 201);
        JsonNode again = call("POST", "/v1/orders", order("PO-1"), 200);
        assertThat(again.get("orderNo")).isEqualTo(first.get("orderNo"));
        assertThat(first.get("state").asText()).isEqualTo("CONFIRMED");
        String orderNo = first.get("orderNo").asText();
        factory.produce(orderNo, "JH-19083", 100_000);
        factory.ship(orderNo, "JH-19083", 120_000);
        JsonNode page = call("GET", "/v1/notices?after=0&limit=2", null, 200);
        assertThat(page.get("notices")).extracting(n -> n.get("kind").asText()).containsExactly("CONFIRMED", "PRODUCTION");
        assertThat(page.get("last").asLong()).isEqualTo(2);
        JsonNode rest = call("GET", "/v1/notices?after=2", null, 200).get("notices");
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).get("buyerLine").asText()).isEqualTo("L1");
        assertThat(rest.get(0).get("waybill").asText()).startsWith("SF");
        assertThat(call("POST", "/v1/orders/" + orderNo + "/cancel", "{\"reason\":\"no longer needed\"}", 409)
                .get("error").asText()).isEqualTo("TOO_LATE");
    }

    @Test
    void cancelBeforeShippingIsFinalAndRepeatable() throws Exception {
        String orderNo = call("POST", "/v1/orders", order("PO-2"), 201).get("orderNo").asText();
        assertThat(call("POST", "/v1/orders/" + orderNo + "/cancel", "{\"reason\":\"x\"}", 200).get("state").asText())
                .isEqualTo("CANCELLED");
        call("POST", "/v1/orders/" + orderNo + "/cancel", "{\"reason\":\"x\"}", 200);
        call("POST", "/v1/orders/JH-999999/cancel", "{\"reason\":\"x\"}", 404);
    }

    @Test
    void refusesAWrongKeyAndInjectsOutages() throws Exception {
        HttpResponse<String> wrongKey = http.send(HttpRequest.newBuilder(URI.create(factory.baseUrl() + "/v1/products"))
                .header("X-Partner-Key", "nope").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        factory.failNextCalls(1);
        call("GET", "/v1/products", null, 503);
        assertThat(call("GET", "/v1/products", null, 200).get("products")).hasSize(3);
    }

    @Test
    void pushesEachNoticeAsATongpaoProgressEventWithBasicAuthAndRetries() throws Exception {
        factory.pushTo(URI.create("http://127.0.0.1:" + tongpao.getAddress().getPort() + "/progress"), "jinghua-ops", "pw");
        factory.pushRetries(3, Duration.ZERO);
        refuseNext.set(1);
        String orderNo = call("POST", "/v1/orders", order("PO-3"), 201).get("orderNo").asText();
        PushAttempt confirmed = factory.awaitPush(orderNo, "CONFIRMED", Duration.ofSeconds(5));
        assertThat(confirmed.attempt()).isEqualTo(2);
        assertThat(confirmed.succeeded()).isTrue();
        factory.ship(orderNo, "JH-19083", 200_000);
        factory.awaitPush(orderNo, "SHIPPED", Duration.ofSeconds(5));
        assertThat(received).hasSize(3).allSatisfy(r -> assertThat(r).startsWith("Basic amluZ2h1YS1vcHM6cHc= "));
        JsonNode shipped = JSON.readTree(received.get(2).substring(received.get(2).indexOf('{')))
                .get("events").get(0);
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.get("channelOrderRef").asText()).isEqualTo(orderNo);
        assertThat(shipped.get("lineRef").asText()).isEqualTo("L1");
        assertThat(shipped.get("quantity").asLong()).isEqualTo(200_000);
        assertThat(shipped.get("documents")).extracting(d -> d.get("kind").asText())
                .containsExactly("WAYBILL", "CERTIFICATE_OF_CONFORMITY");
    }

    private static String order(String reference) {
        return "{\"buyerReference\":\"" + reference + "\",\"lines\":[{\"buyerLine\":\"L1\",\"sku\":\"JH-19083\","
                + "\"quantity\":200000}],\"deliverTo\":\"Wuhan depot\",\"province\":\"42\"}";
    }

    private JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(factory.baseUrl() + path))
                .header("X-Partner-Key", factory.partnerKey());
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }
}
