package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
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
import org.tongpao.core.Caller;
import org.tongpao.core.testing.DatabaseGrep;
import org.tongpao.documents.QrCodes;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationTrace;

/**
 * Donation intake in the central install (tongpao-donation), the story: an enterprise pledges medicines
 * designated for the Hubei police; two deliveries, a carton rejected for a missing certificate; the acknowledgement
 * PDF rendered and read (its QR code is the public look-up); the designated lots refused to Jiangsu (409) until the
 * ministry admin overrides with a reason, audited; an allocation batch and a shipment take the goods to Wuhan and
 * the front-line team receives them, and the donation's trace (REST and OSGi service) reaches the team; the public
 * answers carry no personal data; a province sees only its own donations.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DonationIT extends CentralNode {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The donor's contact person: personal data that no public answer may ever carry. */
    private static final Map<String, Object> CONTACT = Map.of("name", "Chen Jianguo", "phone", "+86 27 8765 4321",
            "email", "chen.jianguo@jointown.example", "address", "No. 1 Gutian Road, Qiaokou District, Wuhan");

    @Inject
    SessionFactory sessions;

    @Inject
    DonationService donationService;

    /** The donation bundle migrates its schema after core's and inventory's: give a busy machine time. */
    @Before
    public void donationsAreMounted() {
        Poll.until("/donations to answer 401", Duration.ofSeconds(180), () -> {
            Api.Reply r = api().unrecorded().get("/donations");
            return r.status() == 401 ? Optional.of(r) : Optional.empty();
        });
    }

    private long item(String code) {
        return catalogue.getByCode(Caller.system("it"), code).id();
    }

    private long unit(String code) {
        return units.getByCode(Caller.system("it"), code).id();
    }

    private static long created(Api.Reply r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().path("id").asLong();
    }

    private static void assertField(Api.Reply r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        assertTrue(r.toString(), r.contentType().startsWith("application/problem+json"));
        assertEquals(r.toString(), field, r.json().path("field").asText());
    }

    private static Map<String, Object> line(long donationLineId, Long itemId, long accepted, long rejected,
            boolean certificate, String reason) {
        Map<String, Object> l = new HashMap<>(Map.of("donationLineId", donationLineId, "priority", "URGENT",
                "standardMatched", true, "certificatePresent", certificate, "packagingIntact", true,
                "expiryDate", LocalDate.now().plusYears(2).toString(), "acceptedQuantity", accepted,
                "rejectedQuantity", rejected));
        if (itemId != null) {
            l.put("itemId", itemId);
        }
        if (certificate) {
            l.put("certificateNumber", "国药准字 Z20040063");
        }
        if (reason != null) {
            l.put("rejectReason", reason);
            l.put("disposition", "RETURNED_TO_DONOR");
        }
        return l;
    }

    @Test
    public void medicinesForTheHubeiPoliceAreReceivedAcknowledgedKeptInHubeiAndTracedToTheFrontLine()
            throws Exception {
        Api desk = api().as("hubei-donor-desk");
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        Api anonymous = api();
        long medicine = item("MEDICINE-GENERAL");
        long kn95 = item("MASK-KN95");
        long hubeiPolice = unit("P42");
        long station = unit("P42-WUHAN-JIANGAN-T01");
        long provincial = depot("HB-PROV-01");

        // the donor, with a contact only donation officers see
        long donor = created(desk.post("/donations/donors", Map.of("kind", "ENTERPRISE", "name",
                "九州通医药集团 Jointown Pharmaceutical Group", "contact", CONTACT)));
        assertEquals(CONTACT.get("phone"), desk.get("/donations/donors/" + donor).json().path("contact")
                .path("phone").asText());
        assertTrue(admin.get("/donations/donors/" + donor).json().path("contact").isNull());
        assertTrue(hubei.get("/donations/donors/" + donor).json().path("contact").isNull());

        // the pledge: medicines and masks described freely, for the Hubei police (the provincial department)
        Map<String, Object> pledge = Map.of("donorId", donor, "expectedDate", LocalDate.now().plusDays(1).toString(),
                "designation", Map.of("kind", "ORG_UNIT", "orgUnitId", hubeiPolice), "note", "支援湖北公安",
                "lines", List.of(Map.of("itemId", medicine, "quantity", 1000),
                        Map.of("description", "N95 口罩 3M 1860", "quantity", 500)));
        assertField(desk.post("/donations", Map.of("donorId", donor, "designation", Map.of("kind", "ORG_UNIT"),
                "lines", List.of(Map.of("itemId", medicine, "quantity", 1)))), 400, "designation.orgUnitId");
        assertEquals(403, hubei.post("/donations", pledge).status());
        Api.Reply pledged = desk.header("Idempotency-Key", "don-it-pledge").post("/donations", pledge);
        long donation = created(pledged);
        assertEquals(donation, created(desk.header("Idempotency-Key", "don-it-pledge").post("/donations", pledge)));
        JsonNode d = pledged.json();
        assertEquals("PLEDGED", d.path("status").asText());
        assertTrue(d.toString(), d.path("designation").path("label").asText().contains("P42"));
        // the donor code is no part of any API answer: it is printed once, on the first acknowledgement
        assertTrue(d.toString(), d.path("donorCode").isNull());
        long medLine = d.path("lines").get(0).path("id").asLong();
        long maskLine = d.path("lines").get(1).path("id").asLong();

        // first delivery: 600 boxes accepted; a carton of 20 masks without certificate rejected and returned
        assertField(desk.post("/donations/" + donation + "/receipts", Map.of("depotId", provincial, "lines",
                List.of(line(maskLine, kn95, 20, 0, false, null)))), 400, "lines[0].acceptedQuantity");
        assertField(desk.post("/donations/" + donation + "/receipts", Map.of("depotId", depot("JS-PROV-01"), "lines",
                List.of(line(medLine, null, 1, 0, true, null)))), 404, "depotId");
        Api.Reply first = desk.header("Idempotency-Key", "don-it-receipt-1").post("/donations/" + donation
                + "/receipts", Map.of("depotId", provincial, "deliveryNote", "JZT-0207", "lines",
                List.of(line(medLine, null, 600, 0, true, null), line(maskLine, kn95, 0, 20, false,
                        "合格证缺失 certificate missing"))));
        long receipt1 = created(first);
        assertEquals(receipt1, created(desk.header("Idempotency-Key", "don-it-receipt-1").post("/donations/"
                + donation + "/receipts", Map.of("depotId", provincial, "deliveryNote", "JZT-0207", "lines",
                List.of(line(medLine, null, 600, 0, true, null), line(maskLine, kn95, 0, 20, false,
                        "合格证缺失 certificate missing"))))));
        assertEquals("PARTLY_RECEIVED", first.json().path("donationStatus").asText());
        String ack1 = first.json().path("acknowledgementNumber").asText();
        long lot = first.json().path("lines").get(0).path("lotId").asLong();
        assertTrue(first.json().path("lines").get(1).path("lotId").isNull());
        Api.Reply second = desk.post("/donations/" + donation + "/receipts", Map.of("depotId", provincial, "lines",
                List.of(line(medLine, null, 400, 0, true, null), line(maskLine, null, 480, 0, true, null))));
        created(second);
        assertEquals("RECEIVED", second.json().path("donationStatus").asText());
        String ack2 = second.json().path("acknowledgementNumber").asText();
        assertFalse(ack1 + " " + ack2, ack1.equals(ack2));
        JsonNode done = desk.get("/donations/" + donation).json();
        assertEquals(1000, done.path("lines").get(0).path("acceptedQuantity").asLong());
        assertEquals(20, done.path("lines").get(1).path("rejectedQuantity").asLong());
        assertEquals(1, count("tp_inv_movement WHERE lot_id = " + lot));
        // booked for the officer, who holds no depot role: the lot's posting and audit row name the officer
        assertEquals(1, count("tp_inv_movement WHERE lot_id = " + lot + " AND actor = 'hubei-donor-desk'"));
        assertEquals(1, count("tp_audit WHERE entity = 'lot' AND entity_id = '" + lot + "' AND action = 'RECEIVE' "
                + "AND actor = 'hubei-donor-desk' AND actor_role = 'vouched:donation'"));

        // the lot: origin DONATION, the donation line as source document, the donor's designation
        JsonNode lotJson = admin.get("/inventory/lots/" + lot).json();
        assertEquals("DONATION", lotJson.path("origin").asText());
        assertEquals(done.path("number").asText() + "/1", lotJson.path("sourceDocument").asText());
        assertEquals(hubeiPolice, lotJson.path("designation").path("orgUnitId").asLong());

        // the acknowledgement: a PDF in Chinese and English, not blank, its QR code the public look-up
        // (a province officer's print first: a reader does not take the code waiting for the desk's print)
        assertFalse(text(bytes("hubei", "/donations/receipts/" + receipt1 + "/acknowledgement"))
                .contains("/public/donations/"));
        byte[] pdf = bytes("hubei-donor-desk", "/donations/receipts/" + receipt1 + "/acknowledgement");
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
        }
        assertTrue("the rendered page is blank", darkPixels(page) > 2_000);
        String url = QrCodes.read(page).orElseThrow(() -> new AssertionError("no QR code on the first page"));
        String prefix = "http://127.0.0.1:" + Integer.getInteger("tongpao.http.port") + "/api/v1/public/donations/";
        assertTrue(url, url.startsWith(prefix));
        String donorCode = url.substring(prefix.length());
        String text = text(pdf);
        for (String s : new String[] {"捐赠物资接收确认书", "Acknowledgement of donated goods", ack1, "Jointown",
            "MEDICINE-GENERAL", "600", "Designation", "P42", donorCode}) {
            assertTrue(s + " missing from: " + text, text.contains(s));
        }
        // printed once: a reprint says when it was issued; the database keeps only the code's hash
        String reprint = text(bytes("hubei-donor-desk", "/donations/receipts/" + receipt1 + "/acknowledgement"));
        assertFalse(reprint, reprint.contains(donorCode));
        assertTrue(reprint, reprint.contains("issued"));
        assertEquals(List.of(), DatabaseGrep.find(dataSource, donorCode));

        // designated for the Hubei police: not to Jiangsu (409 naming it); the ministry admin overrides, audited
        Map<String, Object> toJiangsu = new HashMap<>(Map.of("fromDepotId", provincial, "toDepotId",
                depot("JS-PROV-01"), "itemId", medicine, "quantity", 50, "lotId", lot));
        Api.Reply refused = admin.post("/inventory/transfers", toJiangsu);
        assertEquals(refused.toString(), 409, refused.status());
        assertTrue(refused.toString(), refused.json().path("detail").asText().contains("org unit " + hubeiPolice
                + " (P42)"));
        toJiangsu.put("overrideReason", "江苏支援湖北医疗队随队携带 medical team from Jiangsu carries it to Wuhan");
        assertEquals(403, officer.post("/inventory/transfers", toJiangsu).status());
        Api.Reply overridden = admin.post("/inventory/transfers", toJiangsu);
        assertEquals(overridden.toString(), 201, overridden.status());
        assertEquals(1, count("tp_audit WHERE entity = 'lot' AND entity_id = '" + lot
                + "' AND action = 'DESIGNATION_OVERRIDE'"));

        // an allocation batch and a shipment take 300 boxes to Wuhan for the front-line team, which gets them
        long wuhanStore = depot("HB-WH-01");
        created(hubei.post("/needs", Map.of("orgUnitId", station, "itemId", medicine, "quantity", 300, "urgency",
                "IMMEDIATE", "justification", "front-line team on checkpoint duty", "receivingDepotId", wuhanStore)));
        long plan = created(officer.post("/allocation/plans", Map.of("itemId", medicine, "sourceDepotIds",
                List.of(provincial))));
        long batch = created(admin.post("/allocation/plans/" + plan + "/approve", null));
        long shipment = created(officer.post("/shipments", Map.of("batchId", batch, "carrierId", "fleet",
                "packages", 6, "weightKg", 60)));
        // into the key area with a pass a checkpoint can verify (issue 12)
        EntryPasses.grant(officer, shipment);
        Api.Reply dispatched = officer.post("/shipments/" + shipment + "/dispatch", null);
        assertEquals(dispatched.toString(), 200, dispatched.status());
        Api.Reply received = hubei.post("/shipments/" + shipment + "/receive", null);
        assertEquals(received.toString(), 200, received.status());
        created(hubei.post("/inventory/issues", Map.of("depotId", wuhanStore, "itemId", medicine, "quantity", 300,
                "orgUnitId", station)));

        // the trace: from the donation through the lots to the team, over REST and through the OSGi service
        Api.Reply traced = desk.get("/donations/" + donation + "/trace");
        assertEquals(traced.toString(), 200, traced.status());
        JsonNode trace = traced.json();
        JsonNode medicineLot = trace.path("lots").get(0);
        assertEquals(lot, medicineLot.path("lotId").asLong());
        assertEquals(ack1, medicineLot.path("acknowledgementNumber").asText());
        // the lot and the one the batch made at Wuhan; the override's and the batch's transfers
        assertTrue(trace.toString(), medicineLot.path("trace").path("lots").size() >= 2);
        assertTrue(trace.toString(), medicineLot.path("trace").path("transfers").size() >= 2);
        assertEquals(1, medicineLot.path("trace").path("overrides").size());
        JsonNode receiver = medicineLot.path("trace").path("receivers").get(0);
        assertEquals("P42-WUHAN-JIANGAN-T01", receiver.path("unitCode").asText());
        assertEquals(300, receiver.path("quantity").asLong());
        assertTrue(receiver.path("frontLine").asBoolean());
        // a page at a time: one inventory lot per page, the cursor to the end, the same lots as the whole trace
        List<Long> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Api.Reply p = desk.get("/donations/" + donation + "/trace?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(p.toString(), 200, p.status());
            p.json().path("lots").forEach(l -> l.path("trace").path("lots").forEach(x -> paged.add(x.path("id")
                    .asLong())));
            assertEquals(p.toString(), cursor == null, p.json().path("destinations").size() > 0);
            cursor = p.json().path("nextCursor").isNull() ? null : p.json().path("nextCursor").asText();
        } while (cursor != null);
        List<Long> whole = new java.util.ArrayList<>();
        trace.path("lots").forEach(l -> l.path("trace").path("lots").forEach(x -> whole.add(x.path("id").asLong())));
        assertEquals(whole, paged);
        assertField(desk.get("/donations/" + donation + "/trace?cursor=bm9wZQ"), 400, "cursor");
        DonationTrace viaService = donationService.trace(Caller.system("it"), donation);
        assertEquals(300, viaService.lots().get(0).trace().receivers().get(0).quantity());
        assertTrue(viaService.destinations().stream().anyMatch(x -> "DELIVERED".equals(x.kind()) && x.frontLine()
                && "42".equals(x.provinceCode()) && x.quantity() == 300));

        // and back: from the team's receipt to the donation and its donor
        Api.Reply back = desk.get("/donations/units/" + station + "/received");
        assertEquals(back.toString(), 200, back.status());
        assertEquals(done.path("number").asText(), back.json().path("items").get(0).path("donationNumber").asText());
        assertTrue(back.toString(), back.json().path("items").get(0).path("donor").asText().contains("Jointown"));
        assertEquals(404, api().as("jiangsu").get("/donations/units/" + station + "/received").status());

        // public answers, no login: where the goods went by level and province, and no personal data
        Api.Reply follow = anonymous.get("/public/donations/" + donorCode);
        assertEquals(follow.toString(), 200, follow.status());
        assertTrue(follow.body(), follow.body().contains("\"DELIVERED\"") && follow.body().contains("STATION"));
        Api.Reply disclosure = anonymous.get("/public/donations/disclosure");
        assertEquals(disclosure.toString(), 200, disclosure.status());
        assertTrue(disclosure.body(), disclosure.body().contains("Jointown"));
        String csv = publicCsv();
        assertTrue(csv, csv.startsWith("number,donor,donorKind") && csv.contains("DELIVERED STATION front line 42: 300"));
        for (String answer : List.of(follow.body(), disclosure.body(), csv)) {
            for (Object personal : CONTACT.values()) {
                assertFalse(personal + " in a public answer: " + answer, answer.contains((String) personal));
            }
            assertFalse(answer, answer.contains("hubei-donor-desk") || answer.contains("P42-WUHAN-JIANGAN-T01")
                    || answer.contains("contact"));
        }
        assertEquals(404, anonymous.get("/public/donations/0000-0000-0000-0000-0000").status());

        // the donations report: received, accepted and passed on, by province × category, in the province's scope
        Api.Reply report = admin.get("/reports/donations");
        assertEquals(report.toString(), 200, report.status());
        assertTrue(report.body(), report.json().path("donation").path("installed").asBoolean());
        JsonNode medicines = null;
        for (JsonNode r : report.json().path("rows")) {
            if ("42".equals(r.path("place").path("code").asText()) && "MEDICINE".equals(r.path("categoryCode")
                    .asText())) {
                medicines = r;
            }
        }
        assertNotNull(report.body(), medicines);
        assertEquals(1000, medicines.path("pledged").asLong());
        assertEquals(1000, medicines.path("accepted").asLong());
        assertEquals(0, medicines.path("rejected").asLong());
        // 50 to Jiangsu under the override and the batch's 300 left the provincial depot's lot; 300 reached the team
        assertTrue(medicines.toString(), medicines.path("passedOn").asLong() >= 350);
        assertEquals(300, medicines.path("delivered").asLong());
        assertEquals(report.json().path("rows"), hubei.get("/reports/donations").json().path("rows"));
        assertEquals(0, api().as("jiangsu").get("/reports/donations").json().path("rows").size());
        Api.Reply reportCsv = admin.get("/reports/donations?format=csv");
        assertEquals(reportCsv.toString(), 200, reportCsv.status());
        assertTrue(reportCsv.body(), reportCsv.body().replace("\uFEFF", "").startsWith("province,province_zh")
                && reportCsv.body().contains("MEDICINE"));
        assertEquals(200, admin.get("/reports/donations?format=xlsx").status());
        JsonNode daily = admin.get("/reports/daily").json();
        assertTrue(daily.toString(), daily.path("donation").path("installed").asBoolean()
                && daily.path("donations").size() > 0);

        // erasure erases: a private donor's name and contact, kept with the pledge's Idempotency-Key answer too,
        // are found nowhere in the database afterwards
        Map<String, Object> privateContact = Map.of("name", "Zhou Lihua", "phone", "+86 135 2020 0124",
                "email", "zhou.lihua@mail.example.cn", "address", "Room 5, 12 Minzhu Road, Wuchang");
        long person = created(desk.header("Idempotency-Key", "don-it-person").post("/donations/donors", Map.of(
                "kind", "INDIVIDUAL", "name", "Zhou Lihua", "contact", privateContact)));
        // the desk typed the donor's name and phone into the pledge's note: free text goes with the erasure too
        Map<String, Object> gift = Map.of("donorId", person, "note", "call Zhou Lihua on +86 135 2020 0124",
                "lines", List.of(Map.of("itemId", medicine, "quantity", 10)));
        long personal = created(desk.header("Idempotency-Key", "don-it-person-pledge").post("/donations", gift));
        assertTrue(DatabaseGrep.find(dataSource, "Zhou Lihua").containsAll(List.of("tp_idempotency_answer.body",
                "tp_don_donation.note", "tp_audit.after_json")));
        assertEquals(200, desk.header("Idempotency-Key", "don-it-erase").post("/donations/donors/" + person
                + "/erase", Map.of("reason", "asked in writing")).status());
        assertEquals(200, desk.header("Idempotency-Key", "don-it-erase-2").post("/donations/donors/" + donor
                + "/erase", Map.of("reason", "asked in writing")).status());
        for (Object value : List.of("Zhou Lihua", privateContact.get("phone"), privateContact.get("email"),
                privateContact.get("address"), CONTACT.get("name"), CONTACT.get("phone"), CONTACT.get("email"),
                CONTACT.get("address"))) {
            assertEquals(value.toString(), List.of(), DatabaseGrep.find(dataSource, value.toString()));
        }
        // a repeat of the pledge still writes nothing and answers from the erased record
        Api.Reply repeat = desk.header("Idempotency-Key", "don-it-person-pledge").post("/donations", gift);
        assertEquals(repeat.toString(), personal, repeat.json().path("id").asLong());
        assertFalse(repeat.body(), repeat.body().contains("Zhou"));
        assertTrue(repeat.body(), repeat.json().path("note").asText().contains("erased with the donor's data"));

        // a province sees only its donations: Jiangsu's officer does not find Hubei's; the console lists it
        assertEquals(404, api().as("jiangsu").get("/donations/" + donation).status());
        assertTrue(api().as("jiangsu").get("/donations").json().path("items").isEmpty());
        assertEquals(2, hubei.get("/donations").json().path("items").size());
        assertTrue(Console.run(sessions, "tongpao:donations").contains(done.path("number").asText()));
        assertNotNull(Console.run(sessions, "tongpao:donation-trace " + donation));
    }

    private static int darkPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 128) {
                    n++;
                }
            }
        }
        return n;
    }

    /** GETs as {@code user} and returns the answer's bytes (the recording client reads text). */
    private static byte[] bytes(String user, String path) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + Integer.getInteger("tongpao.http.port") + "/api/v1" + path)).header("Authorization", "Basic " + auth)
                .GET().timeout(Duration.ofSeconds(30)).build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), 200, r.statusCode());
        return r.body();
    }

    /** The disclosure list as CSV, without credentials. */
    private static String publicCsv() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + Integer.getInteger("tongpao.http.port") + "/api/v1/public/donations/disclosure"))
                .header("Accept", "text/csv").GET().timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/csv"));
        // the kit writes a byte-order mark so that spreadsheet programs read UTF-8
        return r.body().replace("\uFEFF", "");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
