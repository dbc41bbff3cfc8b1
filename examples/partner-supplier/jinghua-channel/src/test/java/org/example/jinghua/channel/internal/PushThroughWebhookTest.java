package org.example.jinghua.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.example.jinghua.simulator.FactorySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.ProgressDocument;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.testkit.FakeProcurement;
import org.tongpao.procurement.testkit.Samples;

/**
 * The factory's webhooks, read the way Tongpao's push endpoint reads them (HTTP Basic, then the JSON into
 * the SPI's value types) and handed to the fake runtime's ProgressSink; the same events pulled afterwards
 * are all repeats, because pull and push use the same event ids.
 */
class PushThroughWebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "Basic " + Base64.getEncoder().encodeToString("jinghua-ops:pw".getBytes());
    private FactorySimulator factory;
    private FakeProcurement tongpao;
    private HttpServer endpoint;

    @BeforeEach
    void start() throws IOException {
        factory = new FactorySimulator().start();
        tongpao = new FakeProcurement("jinghua", new JinghuaChannel(new FactoryClient(URI.create(factory.baseUrl()),
                factory.partnerKey(), Duration.ofMillis(3000))));
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        endpoint.createContext("/api/v1/procurement/channels/jinghua/progress", this::receive);
        endpoint.start();
        factory.pushTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()
                + "/api/v1/procurement/channels/jinghua/progress"), "jinghua-ops", "pw");
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
        tongpao.close();
        factory.stop();
    }

    @Test
    void confirmationsProductionAndShippingNoticesArriveAsProgressAndPullingThemAgainAddsNothing() throws Exception {
        String ref = tongpao.place(Samples.order("PO-PUSH-1")).channelOrderRef();
        tongpao.awaitPushed(ref, ProgressStatus.CONFIRMED, Duration.ofSeconds(5));
        factory.produce(ref, "JH-19083", 50_000);
        factory.ship(ref, "JH-19083", 200_000);
        ProgressEvent shipped = tongpao.awaitPushed(ref, ProgressStatus.SHIPPED, Duration.ofSeconds(5));
        assertThat(shipped.lineRef()).isEqualTo("1");
        assertThat(shipped.quantity()).isEqualTo(200_000);
        assertThat(shipped.documents()).extracting(ProgressDocument::kind)
                .containsExactly(DocumentKind.WAYBILL, DocumentKind.CERTIFICATE_OF_CONFORMITY);
        assertThat(factory.awaitPush(ref, "SHIPPED", Duration.ofSeconds(5)).httpStatus()).isEqualTo(200);
        assertThat(tongpao.pushedEvents()).extracting(ProgressEvent::status).containsExactly(ProgressStatus.CONFIRMED,
                ProgressStatus.IN_PRODUCTION, ProgressStatus.SHIPPED);
        assertThat(tongpao.publish("jinghua", tongpao.progress(null).events())).isZero();
    }

    @Test
    void anotherAccountIsRefusedAndTheFactoryStopsTrying() throws Exception {
        factory.pushTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()
                + "/api/v1/procurement/channels/jinghua/progress"), "someone-else", "pw");
        String ref = tongpao.place(Samples.order("PO-PUSH-2")).channelOrderRef();
        assertThat(factory.awaitPush(ref, "CONFIRMED", Duration.ofSeconds(5)).httpStatus()).isEqualTo(403);
        assertThat(factory.pushAttempts()).hasSize(1);
        assertThat(tongpao.pushedEvents()).isEmpty();
    }

    /** What Tongpao's endpoint does, in small: check the account, read the events, publish, answer. */
    private void receive(HttpExchange ex) throws IOException {
        int status;
        try (ex) {
            if (!ACCOUNT.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                status = 403;
            } else {
                List<ProgressEvent> events = new ArrayList<>();
                for (JsonNode e : JSON.readTree(ex.getRequestBody()).path("events")) {
                    events.add(event(e));
                }
                tongpao.publish("jinghua", events);
                status = 200;
            }
            ex.sendResponseHeaders(status, -1);
        }
    }

    private static ProgressEvent event(JsonNode e) {
        List<ProgressDocument> documents = new ArrayList<>();
        for (JsonNode d : e.path("documents")) {
            documents.add(new ProgressDocument(DocumentKind.valueOf(d.path("kind").asText()), d.path("number").asText(),
                    d.hasNonNull("issued") ? LocalDate.parse(d.get("issued").asText()) : null, d.path("link").asText(null)));
        }
        return new ProgressEvent(e.path("eventId").asText(), e.path("channelOrderRef").asText(),
                ProgressStatus.valueOf(e.path("status").asText()), Instant.parse(e.path("at").asText()),
                e.path("lineRef").asText(null), e.hasNonNull("quantity") ? e.get("quantity").asLong() : null,
                e.hasNonNull("expectedDate") ? LocalDate.parse(e.get("expectedDate").asText()) : null, documents,
                e.path("note").asText(null));
    }
}
