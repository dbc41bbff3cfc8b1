package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.allocation.spi.KeyAreaEntry;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.documents.QrCodes;

/**
 * Entry passes in the central install (tongpao-passes): a shipment into Hubei carries two passes, one per area it
 * crosses; the printed PDF's QR code, read off the rendered page, is the public verification URL, which answers
 * without credentials (valid), changes at once when the pass is revoked, and refuses a client that asks too often.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EntryPassIT extends CentralNode {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Looked up once the passes bundle is mounted ({@link #passesAreMounted}): injection would time out first. */
    @Inject
    protected BundleContext context;

    private <T> T service(Class<T> type, String filter) throws Exception {
        java.util.Collection<ServiceReference<T>> refs = context.getServiceReferences(type, filter);
        assertEquals(type.getSimpleName() + " " + filter, 1, refs.size());
        return context.getService(refs.iterator().next());
    }

    /** Whether a thread of this JVM (the container's) waits in Derby's lock manager. */
    private static boolean waitsForADerbyLock() {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(t -> t.getKey().getState()
                != Thread.State.RUNNABLE && Arrays.stream(t.getValue()).anyMatch(f -> f.getClassName()
                        .startsWith("org.apache.derby.impl.services.locks.")));
    }

    /** The passes bundle migrates its schema after core's: on a busy machine that takes longer than Poll's 30 s. */
    @Before
    public void passesAreMounted() {
        Poll.until("/shipments/1/passes to answer 401", Duration.ofSeconds(180), () -> {
            Api.Reply r = api().unrecorded().get("/shipments/1/passes");
            return r.status() == 401 ? Optional.of(r) : Optional.empty();
        });
    }

    @Test
    public void aPrintedPassIsVerifiedAtTheCheckpointUntilItIsRevokedAndScanningTooOftenIsRefused() throws Exception {
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        Api anonymous = api();
        long wuhanUnit = units.getByCode(Caller.system("it"), "P42-WUHAN").id();
        // Wuhan is a key area: the document pass is the gate
        Api.Reply area = api().as("admin").post("/needs/key-areas", Map.of("orgUnitId", wuhanUnit, "label", "Wuhan"));
        assertEquals(area.toString(), 201, area.status());
        Api.Reply booked = officer.post("/shipments", Map.of("fromDepotId", depot("CENTRAL-RESERVE"), "toDepotId",
                depot("HB-WH-01"), "carrierId", "fleet", "packages", 4, "weightKg", 120));
        assertEquals(booked.toString(), 201, booked.status());
        String passes = "/shipments/" + booked.json().path("id").asLong() + "/passes";

        // two areas crossed: Xiaogan on the way, Wuhan at the end
        Instant from = Instant.now().minusSeconds(60);
        Map<String, Object> window = Map.of("validFrom", from.toString(), "validUntil",
                from.plus(Duration.ofDays(3)).toString(), "vehiclePlate", "鄂A·J1234", "authority",
                "湖北省新冠肺炎疫情防控指挥部");
        Api.Reply xiaogan = hubei.post(passes, with(window, "areaName", "孝感市"));
        Api.Reply wuhan = hubei.header("Idempotency-Key", "pass-wuhan-1").post(passes,
                with(window, "orgUnitId", wuhanUnit));
        assertEquals(xiaogan.toString(), 201, xiaogan.status());
        assertEquals(wuhan.toString(), 201, wuhan.status());
        assertEquals("武汉市公安局", wuhan.json().path("area").asText());
        JsonNode listed = officer.get(passes).json().path("items");
        assertEquals(2, listed.size());
        assertEquals("VALID", listed.get(1).path("status").asText());
        String pass = passes + "/" + wuhan.json().path("id").asLong();
        assertEquals(200, api().as("auditor").get(pass).status());
        // issued but never printed: no checkpoint could verify it, so the vehicle does not leave (409 naming passes)
        String dispatch = "/shipments/" + booked.json().path("id").asLong() + "/dispatch";
        Api.Reply held = officer.post(dispatch, null);
        assertEquals(held.toString(), 409, held.status());
        assertEquals(held.toString(), "passes", held.json().path("field").asText());
        assertTrue(held.toString(), held.json().path("detail").asText().contains("never printed"));

        // printed as PDF over REST (the recorded call is checked against the OpenAPI document; the second copy is
        // read as bytes and supersedes the first)
        Api.Reply first = hubei.send("POST", pass + "/print", null, null);
        assertEquals(first.status() + " " + first.contentType(), 200, first.status());
        assertTrue(first.contentType(), first.contentType().startsWith("application/pdf"));
        byte[] pdf = printed("hubei", pass + "/print");
        String text = text(pdf);
        for (String label : new String[] {"车辆通行证", "Vehicle entry pass", "通行区域", "Area", "武汉市公安局",
                "车牌号", "Vehicle plate", "签发机关", "Issuing authority"}) {
            assertTrue(label + " missing from: " + text, text.contains(label));
        }
        String url = qrOnFirstPage(pdf);
        String prefix = "http://127.0.0.1:" + Integer.getInteger("tongpao.http.port") + "/api/v1/passes/verify/";
        assertTrue(url, url.startsWith(prefix));
        String verify = "/passes/verify/" + url.substring(prefix.length());
        // printed: the Wuhan pass lets the goods go (the named Xiaogan pass opens no key area)
        Api.Reply sent = officer.post(dispatch, null);
        assertEquals(sent.toString(), 200, sent.status());
        assertEquals("DISPATCHED", sent.json().path("status").asText());

        // the officer's phone opens the QR code's URL: a small bilingual page, no script, its own strict policy
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse(""),
                page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy, policy.startsWith("default-src 'none'; style-src 'sha256-"));
        assertFalse(policy, policy.contains("unsafe") || policy.contains("script-src"));
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        for (String shown : new String[] {"有效 VALID", "武汉市公安局", "鄂A·J1234", "湖北省新冠肺炎疫情防控指挥部", "Vehicle plate"}) {
            assertTrue(shown + " missing from: " + page.body(), page.body().contains(shown));
        }
        assertFalse(page.body(), page.body().contains("SH-") || page.body().contains("<script"));

        // the checkpoint: no credentials, the answer and nothing more
        Api.Reply valid = anonymous.get(verify);
        assertEquals(valid.toString(), 200, valid.status());
        JsonNode v = valid.json();
        assertEquals("VALID", v.path("status").asText());
        assertTrue(v.path("valid").asBoolean());
        assertEquals("武汉市公安局", v.path("area").asText());
        assertEquals("鄂A·J1234", v.path("vehiclePlate").asText());
        assertEquals("湖北省新冠肺炎疫情防控指挥部", v.path("authority").asText());
        assertFalse(valid.body(), valid.body().contains("SH-") || valid.body().contains("hubei"));

        // revoked while a dispatch holds the gate's yes: allocation and transport ask the gate inside the dispatch's
        // transaction, and the revocation (over REST) waits for its commit instead of landing in between
        long shipmentId = booked.json().path("id").asLong();
        KeyAreaEntry entry = new KeyAreaEntry(new KeyArea(area.json().path("id").asLong(), null, wuhanUnit,
                "P42-WUHAN", "Wuhan", "admin", Instant.EPOCH), Instant.now(), shipmentId, null,
                depot("CENTRAL-RESERVE"), depot("HB-WH-01"), null);
        List<CompletableFuture<Api.Reply>> revoking = new ArrayList<>();
        EntryGate gate = service(EntryGate.class, null);
        SchemaReady passesSchema = service(SchemaReady.class, "(tongpao.schema=passes)");
        Transactions.enclosing(passesSchema.dataSource(), "it: a dispatch holding the gate's yes", c -> {
            assertEquals(Optional.empty(), gate.refusal(entry));
            revoking.add(CompletableFuture.supplyAsync(() -> hubei.post(pass + "/revoke",
                    Map.of("reason", "车辆改派 vehicle reassigned"))));
            Poll.until("the revocation to wait for the dispatch's lock", Duration.ofSeconds(60),
                    () -> waitsForADerbyLock() ? Optional.of(true) : Optional.empty());
            assertFalse("revoked while the dispatch held the gate's yes", revoking.get(0).isDone());
            return null;
        });
        Api.Reply revoked = revoking.get(0).get(60, TimeUnit.SECONDS);
        assertEquals(revoked.toString(), 200, revoked.status());
        assertTrue(gate.refusal(entry).orElseThrow().contains("REVOKED"));
        // revoked: the next scan says so
        JsonNode after = anonymous.get(verify).json();
        assertEquals("REVOKED", after.path("status").asText());
        assertFalse(after.path("valid").asBoolean());
        String revokedPage = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertTrue(revokedPage, revokedPage.contains("无效 NOT VALID") && revokedPage.contains("已吊销 REVOKED"));
        assertEquals(1, count("tp_audit WHERE entity = 'pass' AND action = 'REVOKE'"));

        // a client that scans too often is told to wait, like a login guesser
        Api.Reply refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Api.Reply r = anonymous.get(verify);
            if (r.status() == 429) {
                refused = r;
            } else {
                assertEquals(r.toString(), 200, r.status());
            }
        }
        assertTrue("never refused", refused != null);
        assertTrue(refused.toString(), refused.contentType().startsWith("application/problem+json"));
        assertEquals("urn:tongpao:problem:too-many-requests", refused.json().path("type").asText());
    }

    private static Map<String, Object> with(Map<String, Object> window, String key, Object value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(window);
        m.put(key, value);
        return m;
    }

    /** POSTs as {@code user} and returns the answer's bytes (the recording client reads text). */
    private static byte[] printed(String user, String path) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + Integer.getInteger("tongpao.http.port") + "/api/v1" + path)).header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), 200, r.statusCode());
        return r.body();
    }

    /** The first page as a phone camera would see the print-out (150 dpi, grey), and the QR code on it. */
    private static String qrOnFirstPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return QrCodes.read(new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY))
                    .orElseThrow(() -> new AssertionError("no QR code on the first page"));
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
