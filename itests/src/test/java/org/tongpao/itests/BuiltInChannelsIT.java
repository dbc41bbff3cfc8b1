package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.RequestLine;

/**
 * The built-in procurement channels in the central install (tongpao-procurement-centre, tongpao-procurement-import):
 * an import order in KRW through customs, and an emergency procurement at the centre. Orders are placed through the
 * channel SPI as the platform places them (the channel service from the registry) and through the channels' own
 * REST; progress comes back through the SPI's pull.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BuiltInChannelsIT extends CentralNode {
    private static final String WHY = "Wuhan's fever clinics run out of N95 masks within 48 hours";

    @Inject
    BundleContext bundleContext;

    @Before
    public void restServerHasMountedTheChannels() {
        Poll.status("/procurement/centre/agreements", 401, () -> api().get("/procurement/centre/agreements"));
        Poll.status("/procurement/import/orders", 401, () -> api().get("/procurement/import/orders"));
    }

    private Channel channel(String id) {
        return Poll.until("channel " + id + " registered", Duration.ofSeconds(20), () -> {
            try {
                var refs = bundleContext.getServiceReferences(Channel.class, "(" + Channel.ID_PROPERTY + "=" + id + ")");
                return refs.stream().findFirst().map(r -> bundleContext.getService(r));
            } catch (InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static long created(Api.Reply r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asLong();
    }

    private static List<ProgressStatus> statuses(List<ProgressEvent> events, String channelOrderRef) {
        List<ProgressStatus> out = new ArrayList<>();
        events.stream().filter(e -> e.channelOrderRef().equals(channelOrderRef)).forEach(e -> out.add(e.status()));
        return out;
    }

    @Test
    public void anImportOrderInKrwGoesThroughCustomsWithItsRatesAtOrderAndAtPayment() throws Exception {
        Api buyer = api().as("buyer");
        // the rate in force, a Korean offer for KF94 masks, the Chinese standard they must be certified to
        Map<String, Object> rateBody = Map.of("currency", "KRW", "rate", new BigDecimal("0.0052"), "asOf",
                Instant.now().minusSeconds(3600).toString(), "source", "PBOC central parity");
        long rateId = created(buyer.header("Idempotency-Key", "rate-krw-1").post("/procurement/import/rates", rateBody));
        Api.Reply again = buyer.header("Idempotency-Key", "rate-krw-1").post("/procurement/import/rates", rateBody);
        assertEquals(again.toString(), rateId, again.json().get("id").asLong());
        Api.Reply badRate = buyer.post("/procurement/import/rates", Map.of("currency", "KRW", "rate", -1));
        assertEquals(badRate.toString(), 400, badRate.status());
        assertEquals("rate", badRate.json().get("field").asText());
        assertEquals(200, buyer.get("/procurement/import/rates?currency=KRW").status());
        long offer = created(buyer.post("/procurement/import/offers", Map.of("code", "KR-KF94-1", "supplierName",
                "Seoul Mask Co.", "country", "KR", "itemCode", "MASK-KN95", "currency", "KRW", "unitPrice", 1250, "incoterm",
                "CIF", "leadDays", 40, "capacityPerWeek", 500_000, "validUntil", LocalDate.now().plusDays(90).toString())));
        assertEquals(200, buyer.get("/procurement/import/offers?itemCode=MASK-KN95").status());
        assertEquals("CIF", buyer.get("/procurement/import/offers/" + offer).json().get("incoterm").asText());
        Api.Reply standard = buyer.put("/procurement/import/standards/MASK-KN95", Map.of("standard", "GB 2626-2019",
                "note", "KN95/KF94 need the Chinese standard's certificate before release"));
        assertEquals(standard.toString(), 200, standard.status());
        assertEquals(200, buyer.get("/procurement/import/standards").status());

        // quoted and ordered through the SPI, as the platform does: the rate in force is fixed with the order
        Channel krw = channel("import-krw");
        assertEquals("KRW", krw.offer().currency());
        ChannelQuote quote = krw.quote(new QuoteRequest("RFQ-IMP-1", List.of(new RequestLine("L1", "MASK-KN95", null,
                200_000, "GB 2626-2019")), "42", null, false));
        assertEquals("CIF", quote.incoterm());
        assertEquals(0, new BigDecimal("250000000").compareTo(quote.total()));
        PlacedOrder placed = krw.place(new ChannelOrder("PO-IMP-1", quote.quoteRef(), "KRW", List.of(new OrderLine("L1",
                "MASK-KN95", 200_000, new BigDecimal("1250"), null)), "42", "Wuhan central depot", false, null));
        long id = Long.parseLong(placed.channelOrderRef().substring("IMP-".length()));
        JsonNode order = buyer.get("/procurement/import/orders/" + id).json();
        assertEquals(0, new BigDecimal("0.0052").compareTo(order.get("rateAtOrder").decimalValue()));
        assertEquals(0, new BigDecimal("1300000.00").compareTo(order.get("cnyAtOrder").decimalValue()));
        assertEquals(id, api().as("hubei-buyer").get("/procurement/import/orders/" + id).json().get("id").asLong());

        // confirmed and shipped by the Korean supplier, then customs in its order
        String path = "/procurement/import/orders/" + id;
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "CONFIRMED")).status());
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "SHIPPED", "note", "KE-881")).status());
        Api.Reply early = buyer.post(path + "/customs", Map.of("step", "INSPECTED"));
        assertEquals(early.toString(), 409, early.status());
        assertEquals("step", early.json().get("field").asText());
        JsonNode declared = buyer.post(path + "/customs", Map.of("step", "DECLARED", "reference", "DECL-2026-0001")).json();
        assertEquals("AT_CUSTOMS", declared.get("status").asText());
        assertEquals(200, buyer.post(path + "/documents", Map.of("kind", "CUSTOMS_DECLARATION", "number", "DECL-2026-0001",
                "issued", LocalDate.now().toString())).status());
        assertEquals(200, buyer.post(path + "/customs", Map.of("step", "INSPECTED", "note", "20 cartons sampled")).status());
        assertEquals(200, buyer.post(path + "/customs", Map.of("step", "DUTIES_PAID", "reference", "DUTY-77", "dutiesCny",
                new BigDecimal("84500.00"))).status());
        Api.Reply uncertified = buyer.post(path + "/customs", Map.of("step", "CLEARED"));
        assertEquals(uncertified.toString(), 409, uncertified.status());
        assertEquals("certifications", uncertified.json().get("field").asText());
        assertEquals(200, buyer.post(path + "/certifications", Map.of("itemCode", "MASK-KN95", "standard", "GB 2626-2019",
                "certificateNumber", "CNCA-2026-0042", "issuedBy", "CNCA", "validUntil",
                LocalDate.now().plusYears(1).toString())).status());
        assertEquals("CLEARED", buyer.post(path + "/customs", Map.of("step", "CLEARED", "reference", "REL-9")).json()
                .get("status").asText());
        JsonNode paid = buyer.post(path + "/payment", Map.of("rate", new BigDecimal("0.00531"))).json();
        assertEquals(paid.toString(), 0, new BigDecimal("1327500.00").compareTo(paid.get("cnyAtPayment").decimalValue()));
        assertEquals(0, new BigDecimal("27500.00").compareTo(paid.get("exchangeDifferenceCny").decimalValue()));
        assertEquals("DELIVERED", buyer.post(path + "/progress", Map.of("status", "DELIVERED")).json().get("status").asText());

        // the platform's pull sees AT_CUSTOMS, CLEARED (with the papers and the certificate), DELIVERED
        List<ProgressEvent> events = krw.progress(null).events();
        assertEquals(List.of(ProgressStatus.CONFIRMED, ProgressStatus.SHIPPED, ProgressStatus.AT_CUSTOMS,
                ProgressStatus.CLEARED, ProgressStatus.DELIVERED), statuses(events, placed.channelOrderRef()));
        ProgressEvent cleared = events.stream().filter(e -> e.status() == ProgressStatus.CLEARED).findFirst().orElseThrow();
        assertTrue(cleared.toString(), cleared.documents().stream().anyMatch(d -> d.kind() == DocumentKind.IMPORT_CERTIFICATION
                && d.number().equals("CNCA-2026-0042")));

        // an order taken directly, then cancelled; the offer withdrawn; the lists
        long direct = created(buyer.post("/procurement/import/orders", Map.of("orderRef", "IMP-DIRECT-1", "currency", "KRW",
                "buyerProvince", "42", "lines", List.of(Map.of("lineRef", "1", "itemCode", "MASK-KN95", "quantity", 1000)))));
        assertEquals("CANCELLED", buyer.post("/procurement/import/orders/" + direct + "/cancellation",
                Map.of("reason", "covered by donations")).json().get("status").asText());
        assertEquals("WITHDRAWN", buyer.post("/procurement/import/offers/" + offer + "/withdrawal", null).json()
                .get("status").asText());
        assertEquals(2, buyer.get("/procurement/import/orders").json().get("items").size());
        assertEquals(403, api().as("hubei").get("/procurement/import/orders").status());
    }

    @Test
    public void theCentreRecordsAnEmergencyProcurementWithItsJustificationAndApprover() throws Exception {
        Api buyer = api().as("buyer");
        String from = LocalDate.now().minusDays(1).toString();
        String until = LocalDate.now().plusDays(180).toString();
        long cheap = created(buyer.post("/procurement/centre/agreements", Map.of("code", "FA-2026-001", "supplierCode",
                "SUP-HN-1", "supplierName", "Henan Protective Products", "validFrom", from, "validUntil", until, "leadDays",
                14, "expeditedLeadDays", 5, "items", List.of(Map.of("itemCode", "MASK-N95", "unitPrice", 2.5,
                        "capacityPerWeek", 100_000)))));
        created(buyer.post("/procurement/centre/agreements", Map.of("code", "FA-2026-002", "supplierCode", "SUP-GD-1",
                "supplierName", "Guangdong Masks", "validFrom", from, "validUntil", until, "leadDays", 3, "expeditedLeadDays",
                1, "items", List.of(Map.of("itemCode", "MASK-N95", "unitPrice", 3.1, "capacityPerWeek", 100_000)))));
        assertEquals(2, buyer.get("/procurement/centre/agreements?itemCode=MASK-N95").json().get("items").size());
        assertEquals("FA-2026-001", buyer.get("/procurement/centre/agreements/" + cheap).json().get("code").asText());
        JsonNode offers = buyer.get("/procurement/centre/offers?itemCode=MASK-N95&quantity=1000&prefer=TIME").json();
        assertEquals("FA-2026-002", offers.get("items").get(0).get("agreementCode").asText());

        // an emergency procurement taken by the centre: single source, justification and approver recorded
        Api.Reply unjustified = buyer.post("/procurement/centre/orders", Map.of("orderRef", "EP-1", "emergency", true,
                "agreementCode", "FA-2026-001", "approvedBy", "director-li", "lines", List.of(Map.of("lineRef", "1",
                        "itemCode", "MASK-N95", "quantity", 5000))));
        assertEquals(unjustified.toString(), 400, unjustified.status());
        assertEquals("justification", unjustified.json().get("field").asText());
        assertEquals(403, api().as("hubei-buyer").post("/procurement/centre/orders", Map.of("orderRef", "EP-1", "emergency",
                true, "agreementCode", "FA-2026-001", "justification", WHY, "approvedBy", "director-li", "lines",
                List.of(Map.of("lineRef", "1", "itemCode", "MASK-N95", "quantity", 5000)))).status());
        Api.Reply emergency = buyer.post("/procurement/centre/orders", Map.of("orderRef", "EP-1", "buyerProvince", "42",
                "emergency", true, "agreementCode", "FA-2026-001", "justification", WHY, "approvedBy", "director-li",
                "lines", List.of(Map.of("lineRef", "1", "itemCode", "MASK-N95", "quantity", 5000))));
        long ep = created(emergency);
        JsonNode e = emergency.json();
        assertTrue(e.get("emergency").asBoolean());
        assertEquals(WHY, e.get("justification").asText());
        assertEquals("director-li", e.get("approvedBy").asText());
        assertEquals("FA-2026-001", e.get("lines").get(0).get("agreementCode").asText());
        assertEquals(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5).toString(), e.get("promisedDate").asText());

        // the same through the SPI, as the platform's emergency order: single source, the fastest agreement
        Channel centre = channel("centre");
        ChannelQuote q = centre.quote(new QuoteRequest("RFQ-EP-2", List.of(new RequestLine("L1", "MASK-N95", null, 2000,
                null)), "42", null, true));
        assertTrue(q.note(), q.note().contains("FA-2026-002"));
        PlacedOrder viaSpi = centre.place(new ChannelOrder("PO-EP-2", q.quoteRef(), "CNY", List.of(new OrderLine("L1",
                "MASK-N95", 2000, new BigDecimal("3.1"), null)), "42", "Wuhan depot 1", true, WHY));
        JsonNode spiOrder = buyer.get("/procurement/centre/orders/" + viaSpi.channelOrderRef().substring(4)).json();
        assertTrue(spiOrder.get("emergency").asBoolean());
        assertEquals(WHY, spiOrder.get("justification").asText());
        assertEquals("Tongpao order PO-EP-2", spiOrder.get("approvedBy").asText());

        // progress reported by the centre's officer comes back through the SPI's pull
        String path = "/procurement/centre/orders/" + ep;
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "CONFIRMED", "note", "by phone")).status());
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "SHIPPED")).status());
        Api.Reply backwards = buyer.post(path + "/progress", Map.of("status", "CONFIRMED"));
        assertEquals(backwards.toString(), 409, backwards.status());
        assertEquals("status", backwards.json().get("field").asText());
        Api.Reply tooLate = buyer.post(path + "/cancellation", null);
        assertEquals(tooLate.toString(), 409, tooLate.status());
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "DELIVERED")).status());
        List<ProgressEvent> events = centre.progress(null).events();
        assertEquals(List.of(ProgressStatus.CONFIRMED, ProgressStatus.SHIPPED, ProgressStatus.DELIVERED),
                statuses(events, "PCC-" + ep));
        assertEquals("CANCELLED", buyer.post("/procurement/centre/orders/" + viaSpi.channelOrderRef().substring(4)
                + "/cancellation", Map.of("reason", "covered")).json().get("status").asText());
        assertEquals(2, buyer.get("/procurement/centre/orders").json().get("items").size());
        assertEquals(1, api().as("hubei-buyer").get("/procurement/centre/orders?status=DELIVERED").json().get("items").size());

        // withdrawing an agreement re-registers the channel with what is left
        assertEquals("WITHDRAWN", buyer.post("/procurement/centre/agreements/" + cheap + "/withdrawal",
                Map.of("reason", "failed audit")).json().get("status").asText());
        assertNotNull(Poll.until("the centre's offer without FA-2026-001", Duration.ofSeconds(10),
                () -> Optional.of(channel("centre")).filter(c -> c.offer().lines().get(0).leadTimeDays() == 3)));
    }
}
