package org.example.express.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.example.express.simulator.CourierSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.testkit.FakeTongpao;
import org.tongpao.transport.testkit.Samples;

/**
 * Express' webhooks reach Tongpao's push endpoint as valid events: a stand-in for
 * {@code POST /api/v1/carriers/express/tracking} parses them into the SPI's TrackingEvent and hands them to
 * the fake runtime, which refuses waybills it did not book (404) and invalid events (400), as the platform does.
 */
class PushThroughWebhookTest {
    static final ObjectMapper JSON = new ObjectMapper();
    CourierSimulator courier;
    FakeTongpao tongpao;
    HttpServer endpoint;

    @BeforeEach
    void start() throws IOException {
        courier = new CourierSimulator().start();
        tongpao = new FakeTongpao("express", ExpressCarrierTest.carrier(courier.baseUrl(), courier.apiKey(), Duration.ofSeconds(2)));
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        endpoint.createContext("/api/v1/carriers/express/tracking", this::receive);
        endpoint.start();
        courier.pushTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/api/v1/carriers/express/tracking"),
                "express", "secret");
        courier.webhookRetries(40, Duration.ofMillis(50)); // a loaded CI machine may take a while to read the booking
    }

    @AfterEach
    void stop() {
        courier.stop();
        endpoint.stop(0);
        tongpao.close();
    }

    private void receive(HttpExchange ex) throws IOException {
        int status;
        String answer;
        try {
            List<TrackingEvent> events = new ArrayList<>();
            for (JsonNode e : JSON.readTree(ex.getRequestBody()).path("events")) {
                JsonNode p = e.path("proof");
                ProofOfDelivery proof = p.isObject() ? new ProofOfDelivery(p.path("receivedBy").asText(null),
                        Instant.parse(p.path("receivedAt").asText()), p.path("reference").asText(null)) : null;
                events.add(new TrackingEvent(e.path("waybill").asText(null), TrackingStatus.valueOf(e.path("status").asText()),
                        Instant.parse(e.path("at").asText()), e.path("location").asText(null), e.path("note").asText(null), proof));
            }
            int accepted = tongpao.publish("express", events);
            status = 200;
            answer = "{\"accepted\":" + accepted + ",\"duplicates\":" + (events.size() - accepted) + "}";
        } catch (IllegalArgumentException e) {
            status = e.getMessage() != null && e.getMessage().startsWith("unknown waybill") ? 404 : 400;
            answer = "{\"detail\":\"" + e.getMessage() + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void everyEventOfABookedShipmentArrivesAndIsValid() throws Exception {
        Booking booking = tongpao.book(Samples.order("SH-PUSH"));
        courier.pickUp(booking.waybill(), "Beijing hub");
        courier.atCheckpoint(booking.waybill(), "Wuhan entry checkpoint");
        courier.deliver(booking.waybill(), "Li Wei");

        assertThat(courier.awaitWebhook(booking.waybill(), "DELIVERED", Duration.ofSeconds(5)).httpStatus()).isEqualTo(200);
        assertThat(tongpao.awaitPushed(booking.waybill(), TrackingStatus.DELIVERED, Duration.ofSeconds(5)).proof().receivedBy())
                .isEqualTo("Li Wei");
        // each event ends with 200; the ACCEPTED one may first get 404 when it overtakes the booking's answer
        assertThat(courier.webhookCalls()).filteredOn(CourierSimulator.WebhookCall::last)
                .extracting(CourierSimulator.WebhookCall::httpStatus).containsExactly(200, 200, 200, 200);
        // pushed and pulled tell the same story
        assertThat(tongpao.pushedEvents(booking.waybill())).isEqualTo(tongpao.track(booking.waybill()));
    }

    @Test
    void anOrderTongpaoDidNotBookIsRefusedWith404() throws Exception {
        Booking booking = tongpao.book(Samples.order("SH-KNOWN"));
        courier.awaitWebhook(booking.waybill(), "ACCEPTED", Duration.ofSeconds(5));
        // an order placed at Express directly, not through Tongpao
        courier.webhookRetries(3, Duration.ofMillis(10));
        String foreign;
        try (FakeTongpao other = new FakeTongpao("express", ExpressCarrierTest.carrier(courier.baseUrl(), courier.apiKey(),
                Duration.ofSeconds(2)))) {
            foreign = other.book(Samples.order("SH-ELSEWHERE")).waybill();
            assertThat(courier.awaitWebhook(foreign, "ACCEPTED", Duration.ofSeconds(5)).httpStatus()).isEqualTo(404);
        }
        assertThat(courier.awaitWebhook(booking.waybill(), "ACCEPTED", Duration.ofSeconds(5)).httpStatus()).isEqualTo(200);
        assertThat(courier.webhookCalls()).filteredOn(c -> c.waybill().equals(foreign))
                .extracting(CourierSimulator.WebhookCall::attempt).containsExactly(1, 2, 3);
    }
}
