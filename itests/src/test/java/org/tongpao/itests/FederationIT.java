package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tongpao.federation.Federation;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.MessageHandler;

/**
 * Federation in the central distribution with its embedded broker, province 42 federated
 * ({@code provinces=42}): the probe plays the Hubei node with the plain Artemis client (user {@code node-42})
 * on {@code tongpao.up.42}. One container for the whole class; the federation helpers add their scenarios here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FederationIT extends CentralNode {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    protected Federation federation;

    @Inject
    protected BundleContext context;

    /** The inventory, active before any test runs (its REST resources and the replicas' service come with it). */
    @Inject
    protected org.tongpao.inventory.CrossNodeTransfers crossNodeTransfers;

    @Inject
    protected SessionFactory sessions;

    @Configuration
    @Override
    public Option[] config() {
        return TongpaoContainer.options("central", TongpaoContainer.freePort(),
                editConfigurationFilePut("etc/org.tongpao.federation.cfg", "provinces", "42"));
    }

    /**
     * The first test of the class may run while the REST server still adds the inventory's and allocation's
     * resources (their components come up after their schemas): wait for them, whichever test runs first.
     */
    @Before
    public void domainResourcesServed() {
        for (String path : List.of("/inventory/census", "/needs")) {
            Poll.until(path + " served", WAIT, () -> Optional.of(api().as("admin").get(path))
                    .filter(r -> r.status() == 200));
        }
    }

    /**
     * A message of a type central has no handler for is parked (REST and the service show it), a retry without a
     * handler keeps it parked, a handler registered later applies it once; status and health show the link.
     */
    @Test
    public void aMessageWithoutHandlerWaitsParkedAndAppliesOnceWhenItsHandlerArrives() throws Exception {
        String type = "itest.ping" + UUID.randomUUID().toString().substring(0, 8);
        String id = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(id, type, "1.0", "province:42", "{\"n\":42}"));

        JsonNode parked = Poll.until("the message parked", WAIT, () -> parkedOf(type));
        assertEquals("NO_HANDLER", parked.get("reason").asText());
        assertEquals("province:42", parked.get("link").asText());
        assertTrue(link42().parked() >= 1);

        Api.Reply retried = api().as("admin").post("/federation/parked/" + parked.get("seq").asLong() + "/retry", null);
        assertEquals(retried.toString(), 200, retried.status());
        assertTrue(retried.json().get("resolved").isNull());
        assertEquals(2, retried.json().get("attempts").asInt());

        AtomicInteger applied = new AtomicInteger();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MessageHandler.TYPE, type);
        props.put(MessageHandler.MAJOR, 1);
        ServiceRegistration<MessageHandler> handler = context.registerService(MessageHandler.class, (m, sender) -> {
            assertEquals("node:province:42", sender.user());
            applied.incrementAndGet();
        }, props);
        try {
            Poll.until("the parked message applied", WAIT, () -> Optional.ofNullable(
                    count("tp_fed_inbox WHERE message_id = '" + id + "'") == 1 ? Boolean.TRUE : null));
            // the same message again (a redelivery) changes nothing
            sendAsHubei(envelope(id, type, "1.0", "province:42", "{\"n\":42}"));
            String next = "province:42/" + System.nanoTime();
            sendAsHubei(envelope(next, type, "1.1", "province:42", "{\"n\":43,\"new\":true}"));
            Poll.until("the next message applied", WAIT, () -> Optional.ofNullable(
                    count("tp_fed_inbox WHERE message_id = '" + next + "'") == 1 ? Boolean.TRUE : null));
            assertEquals(2, applied.get());
        } finally {
            handler.unregister();
        }

        JsonNode status = api().as("admin").get("/federation").json();
        assertEquals("central", status.get("node").asText());
        assertEquals("connected", status.get("state").asText());
        assertEquals("province:42", status.get("links").get(0).get("node").asText());
        assertTrue(status.get("links").get(0).get("lastReceived").isTextual());
        assertEquals(1, api().as("hubei").get("/federation").json().get("links").size());
        assertEquals(0, api().as("jiangsu").get("/federation").json().get("links").size());
        assertEquals(403, api().as("keeper").get("/federation").status());
        JsonNode health = api().get("/health").json();
        assertEquals("UP", health.get("checks").get("federation").asText());
        assertEquals("connected", health.get("details").get("federation").get("state").asText());
        assertEquals(java.util.List.of("province:42"), federation.provinceNodes());

        String links = Console.run(sessions, "tongpao:federation");
        assertTrue(links, links.contains("province:42") && links.contains("connected"));
        String parkedList = Console.run(sessions, "tongpao:federation-parked --all --type " + type);
        assertTrue(parkedList, parkedList.contains(id) && parkedList.contains("NO_HANDLER"));
    }

    /** Hubei's queue carrying a message that claims to come from Jiangsu: refused, parked as such, audited. */
    @Test
    public void aMessageClaimingAnotherProvinceOnHubeisQueueIsRefused() throws Exception {
        String id = "province:32/" + System.nanoTime();
        sendAsHubei(envelope(id, "itest.spoof", "1.0", "province:32", "{}"));

        JsonNode refused = Poll.until("the spoofed message refused", WAIT, () -> {
            JsonNode items = api().as("auditor").get("/federation/parked?reason=REFUSED&link=province:42").json()
                    .get("items");
            for (JsonNode p : items) {
                if (p.get("messageId").asText().endsWith(id)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        });
        assertTrue(refused.get("error").asText().contains("from province:32"));
        assertEquals(409, api().as("admin").post("/federation/parked/" + refused.get("seq").asLong() + "/retry",
                null).status());
        assertEquals(1, count("tp_audit WHERE entity = 'federation-message' AND entity_id = '" + id
                + "' AND actor = 'node:province:42'"));
    }

    /** Master data down: an org unit and a key area created at central leave for Hubei's node as snapshots by code. */
    @Test
    public void masterDataChangedAtCentralLeavesForTheProvinceByCode() {
        long wuhan = api().as("admin").get("/units?q=P42-WUHAN&level=PREFECTURE").json().get("items").get(0)
                .get("id").asLong();
        String code = "P42-FEDIT-" + (System.nanoTime() % 100000);
        Api.Reply created = api().as("admin").post("/units", Map.of("code", code, "name", "Federation IT county",
                "level", "COUNTY", "parentId", wuhan));
        assertEquals(created.toString(), 201, created.status());
        assertEquals(1, count("tp_fed_outbox WHERE recipient = 'province:42' AND type = 'master.org-unit' AND body LIKE '%\""
                + code + "\"%' AND body LIKE '%\"parentCode\":\"P42-WUHAN\"%'"));
        assertEquals(0, count("tp_fed_outbox WHERE type = 'master.org-unit' AND body LIKE '%\"parentId\"%'"));
        Api.Reply area = api().as("admin").post("/needs/key-areas", Map.of("orgUnitId", created.json().get("id").asLong()));
        assertEquals(area.toString(), 201, area.status());
        assertEquals(1, count("tp_fed_outbox WHERE recipient = 'province:42' AND type = 'master.key-area' AND body LIKE '%\""
                + code + "\"%'"));
    }

    /**
     * The census answered by Hubei's install: the opening leaves for Hubei, its answer (sent as node-42) is recorded
     * as Hubei's, late by when it was submitted, with its age; an answer for Jiangsu on Hubei's link is refused.
     */
    @Test
    public void hubeisCensusAnswerIsRecordedAtCentralWithItsAge() throws Exception {
        Api.Reply opened = api().as("admin").post("/inventory/census", Map.of("title", "Federation IT reserves",
                "categories", List.of("MASK"), "deadline", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertEquals(opened.toString(), 201, opened.status());
        long census = opened.json().get("id").asLong();
        assertEquals(1, count("tp_fed_outbox WHERE recipient = 'province:42' AND type = 'census.opened' AND body LIKE "
                + "'%\"central/" + census + "\"%'"));

        Instant submitted = Instant.now().minus(Duration.ofMinutes(10));
        sendAsHubei(envelope("province:42/" + System.nanoTime(), "census.submission", "1.0", "province:42",
                censusAnswer(census, "42", submitted)));
        JsonNode hubei = Poll.until("Hubei's answer recorded", WAIT, () -> Optional.ofNullable(
                reportOf(census, "42")).filter(p -> p.get("status").asText().equals("REPORTED")));
        assertEquals("province:42", hubei.get("node").asText());
        assertEquals("hubei", hubei.get("submittedBy").asText());
        assertTrue(hubei.toString(), hubei.get("ageSeconds").asLong() >= 600);
        JsonNode totals = api().as("admin").get("/inventory/census/" + census).json().get("totals");
        assertEquals(700, totals.get(0).get("systemQuantity").asLong());
        assertEquals(50, totals.get(0).get("declaredQuantity").asLong());

        String spoof = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(spoof, "census.submission", "1.0", "province:42", censusAnswer(census, "32", submitted)));
        JsonNode refused = Poll.until("the answer for Jiangsu parked", WAIT, () -> parkedMessage("census.submission", spoof));
        assertEquals("FAILED", refused.get("reason").asText());
        assertEquals("PENDING", reportOf(census, "32").get("status").asText());
    }

    /** Needs up: Hubei's need (sent as node-42) is replicated at central, read-only there, and follows its cancellation. */
    @Test
    public void aNeedRaisedAtHubeiIsReplicatedAndReadOnlyAtCentral() throws Exception {
        String key = "province:42/" + System.nanoTime();
        sendAsHubei(envelope("province:42/" + System.nanoTime(), "need.changed", "1.0", "province:42",
                need(key, "P42-WUHAN-JIANGAN-T01", "OPEN", 1)));
        JsonNode need = Poll.until("the need replicated", WAIT, () -> needOf(key));
        assertEquals(5000, need.get("quantity").asLong());
        assertEquals("P42-WUHAN-JIANGAN-T01", need.get("unitCode").asText());
        assertEquals(409, api().as("admin").post("/needs/" + need.get("id").asLong() + "/cancel", null).status());

        sendAsHubei(envelope("province:42/" + System.nanoTime(), "need.changed", "1.0", "province:42",
                need(key, "P42-WUHAN-JIANGAN-T01", "CANCELLED", 2)));
        Poll.until("the cancellation replicated", WAIT, () -> needOf(key)
                .filter(n -> n.get("state").asText().equals("CANCELLED")));

        String spoof = "province:42/" + System.nanoTime();
        String other = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(spoof, "need.changed", "1.0", "province:42", need(other, "P32-NANJING", "OPEN", 1)));
        Poll.until("the need of Jiangsu's unit parked", WAIT, () -> parkedMessage("need.changed", spoof));
        assertTrue(needOf(other).isEmpty());
    }

    /**
     * Donations up (federation.donation): Hubei's donation with its two receipts (one line rejected) arrives as
     * {@code donation.changed} and is central's read-only copy — in the list with its node and age, its receipts
     * with their acknowledgement numbers and inspection outcome, in the public disclosure; a cancellation at central
     * is a 409 naming province:42; a redelivery and an older copy arriving late change nothing; a donation of
     * Jiangsu's on Hubei's link is parked (FAILED) and nothing of it is stored.
     */
    @Test
    public void aDonationOfHubeiArrivesAsAReadOnlyCopyAndASpoofIsRefused() throws Exception {
        Api.Reply served = Poll.until("the donation resources served", WAIT, () -> Optional.of(api().as("admin")
                .get("/donations?province=42")).filter(r -> r.status() != 404));
        assertEquals(served.toString(), 200, served.status());
        long remoteId = System.nanoTime() % 1_000_000_000L;
        Instant at = Instant.now().minus(Duration.ofMinutes(5));
        String number = "JZ-" + remoteId;
        String newest = donation(remoteId, number, "42", "PARTLY_RECEIVED", at, true);
        String newestId = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(newestId, "donation.changed", "1.0", "province:42", newest));
        JsonNode copy = Poll.until("Hubei's donation copied", WAIT, () -> donationOf("province:42/" + remoteId));
        long id = copy.get("id").asLong();
        assertEquals("province:42/" + number, copy.get("number").asText());
        assertEquals("PARTLY_RECEIVED", copy.get("status").asText());
        assertTrue(copy.toString(), copy.get("asOf").isTextual());
        assertEquals(380, copy.get("lines").get(0).get("acceptedQuantity").asLong());
        assertEquals(20, copy.get("lines").get(0).get("rejectedQuantity").asLong());
        JsonNode receipts = api().as("hubei").get("/donations/" + id + "/receipts").json().get("items");
        assertEquals(2, receipts.size());
        assertEquals("province:42/JZQR-" + remoteId, receipts.get(0).get("acknowledgementNumber").asText());
        assertEquals("certificate missing", receipts.get(1).get("lines").get(0).get("rejectReason").asText());
        assertEquals(404, api().as("jiangsu").get("/donations/" + id).status());
        boolean disclosed = false;
        for (JsonNode e : api().get("/public/donations/disclosure?limit=100").json().get("items")) {
            disclosed |= e.get("number").asText().equals("province:42/" + number);
        }
        assertTrue("the copy in the public disclosure", disclosed);
        org.tongpao.core.Caller ministry = org.tongpao.core.Caller.of("it", java.util.Set.of("ministry-officer"), "it");
        assertEquals("province:42/" + remoteId, donations.donation(ministry, id).source());

        Api.Reply cancel = api().as("admin").post("/donations/" + id + "/cancel", Map.of("reason", "not needed"));
        assertEquals(cancel.toString(), 409, cancel.status());
        assertTrue(cancel.json().get("detail").asText().contains("province:42"));

        // the same snapshot again (a redelivery under another id) and an older one arriving late: no change
        String again = "province:42/" + System.nanoTime();
        String older = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(again, "donation.changed", "1.0", "province:42", newest));
        sendAsHubei(envelope(older, "donation.changed", "1.0", "province:42",
                donation(remoteId, number, "42", "PLEDGED", at.minus(Duration.ofHours(1)), false)));
        for (String m : List.of(again, older)) {
            Poll.until("message " + m + " applied", WAIT, () -> Optional.ofNullable(
                    count("tp_fed_inbox WHERE message_id = '" + m + "'") == 1 ? Boolean.TRUE : null));
        }
        JsonNode after = api().as("admin").get("/donations/" + id).json();
        assertEquals("PARTLY_RECEIVED", after.get("status").asText());
        assertEquals(copy.get("asOf").asText(), after.get("asOf").asText());
        assertEquals(2, api().as("admin").get("/donations/" + id + "/receipts").json().get("items").size());
        assertEquals(1, count("tp_don_donation WHERE source_node = 'province:42' AND source_id = " + remoteId));

        // Jiangsu's donation on Hubei's link: parked, nothing stored
        long spoofId = remoteId + 1;
        String spoof = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(spoof, "donation.changed", "1.0", "province:42",
                donation(spoofId, "JZ-" + spoofId, "32", "PARTLY_RECEIVED", at, true)));
        JsonNode parked = Poll.until("Jiangsu's donation parked", WAIT, () -> parkedMessage("donation.changed", spoof));
        assertEquals("FAILED", parked.get("reason").asText());
        assertEquals(0, count("tp_don_donation WHERE source_node = 'province:42' AND source_id = " + spoofId));
    }

    @Inject
    protected org.tongpao.donation.DonationService donations;

    /**
     * Orders and budget lines up (federation.procurement): Hubei's budget line and its emergency order, partly
     * received, arrive as {@code funding.line} and {@code procurement.order} and are central's read-only copies — in
     * the order list and the budget lines (and summary) with their node and age; a cancellation at central is a 409
     * naming province:42; an older version arriving late changes nothing; an order of Jiangsu's on Hubei's link is
     * parked (FAILED).
     */
    @Test
    public void hubeisOrderAndBudgetLineArriveAsReadOnlyCopies() throws Exception {
        Poll.until("the procurement resources served", WAIT, () -> Optional.of(api().as("admin")
                .get("/procurement/orders?province=42")).filter(r -> r.status() == 200));
        long remote = System.nanoTime() % 1_000_000_000L;
        String lineCode = "HB-IT-" + remote;
        sendAsHubei(envelope("province:42/" + System.nanoTime(), "funding.line", "1.0", "province:42",
                "{\"id\":" + remote + ",\"code\":\"" + lineCode + "\",\"name\":\"Hubei epidemic budget\","
                + "\"source\":\"PROVINCIAL_BUDGET\",\"holder\":\"42\",\"currency\":\"CNY\","
                + "\"budget\":\"10000.00\",\"committed\":\"1000.00\",\"spent\":\"1500.00\",\"version\":4}"));
        String newest = order(remote, "PARTIALLY_RECEIVED", 600, 5, lineCode, "42");
        sendAsHubei(envelope("province:42/" + System.nanoTime(), "procurement.order", "1.0", "province:42", newest));
        JsonNode copy = Poll.until("Hubei's order copied", WAIT, () -> orderOf("province:42/" + remote));
        long id = copy.get("id").asLong();
        assertEquals("province:42/PO-42-" + remote, copy.get("number").asText());
        assertEquals("PARTIALLY_RECEIVED", copy.get("status").asText());
        assertTrue(copy.toString(), copy.get("asOf").isTextual());
        JsonNode full = api().as("hubei").get("/procurement/orders/" + id).json();
        assertEquals(600, full.get("lines").get(0).get("acceptedQuantity").asLong());
        assertEquals(0, new java.math.BigDecimal("2500.00").compareTo(full.get("totalCny").decimalValue()));
        assertEquals(404, api().as("jiangsu").get("/procurement/orders/" + id).status());
        Api.Reply cancel = api().as("admin").post("/procurement/orders/" + id + "/cancel", Map.of("reason", "no"));
        assertEquals(cancel.toString(), 409, cancel.status());
        assertTrue(cancel.json().get("detail").asText().contains("province:42"));

        JsonNode line = Poll.until("Hubei's budget line copied", WAIT, () -> {
            for (JsonNode l : api().as("finance").get("/funding/budget-lines?holder=42&limit=500").json().get("items")) {
                if (("province:42/" + lineCode).equals(l.path("code").asText())) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        });
        assertEquals("province:42/" + remote, line.get("copyOf").asText());
        assertEquals(0, new java.math.BigDecimal("1500.00").compareTo(line.get("spent").decimalValue()));
        org.tongpao.core.Caller ministry = org.tongpao.core.Caller.of("it", java.util.Set.of("ministry-officer"), "it");
        assertEquals("province:42/" + remote, procurement.order(ministry, id).source());

        // an older version arriving late (PLACED, nothing received) changes nothing
        String older = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(older, "procurement.order", "1.0", "province:42", order(remote, "PLACED", 0, 3, lineCode,
                "42")));
        Poll.until("the older copy applied", WAIT, () -> Optional.ofNullable(
                count("tp_fed_inbox WHERE message_id = '" + older + "'") == 1 ? Boolean.TRUE : null));
        assertEquals("PARTIALLY_RECEIVED", api().as("admin").get("/procurement/orders/" + id).json().get("status")
                .asText());

        String spoof = "province:42/" + System.nanoTime();
        sendAsHubei(envelope(spoof, "procurement.order", "1.0", "province:42", order(remote + 1, "PLACED", 0, 1,
                lineCode, "32")));
        JsonNode parked = Poll.until("Jiangsu's order parked", WAIT, () -> parkedMessage("procurement.order", spoof));
        assertEquals("FAILED", parked.get("reason").asText());
        assertEquals(0, count("tp_proc_order WHERE source_node = 'province:42' AND source_id = " + (remote + 1)));
    }

    @Inject
    protected org.tongpao.procurement.ProcurementService procurement;

    private static Optional<JsonNode> orderOf(String source) {
        for (JsonNode o : api().as("admin").get("/procurement/orders?province=42&limit=500").json().get("items")) {
            if (source.equals(o.path("source").asText())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** A {@code procurement.order} body: 1,000 medical protective masks at 2.50 CNY, {@code accepted} received. */
    private static String order(long id, String status, long accepted, long version, String lineCode,
            String province) {
        String now = Instant.now().toString();
        return "{\"order\":{\"id\":" + id + ",\"number\":\"PO-42-" + id + "\",\"provinceCode\":\"" + province
                + "\",\"supplierCode\":\"HB-IT-SUP\",\"depotCode\":\"HB-WH-01\",\"status\":\"" + status
                + "\",\"emergency\":true,\"justification\":\"hospitals run out\",\"currency\":\"CNY\","
                + "\"exchangeRate\":\"1\",\"totalAmount\":\"2500.00\",\"totalCny\":\"2500.00\","
                + "\"commitmentReference\":\"procurement:order:PO-42-" + id + "\",\"spentCny\":\""
                + (accepted * 5 / 2) + ".00\",\"lines\":[{\"lineNo\":1,\"itemCode\":\"MASK-MEDPROT\","
                + "\"standard\":\"GB 19083-2010\",\"quantity\":1000,\"unitPrice\":\"2.5000\",\"currency\":"
                + "\"CNY\",\"promisedDate\":\"" + java.time.LocalDate.now().plusDays(5) + "\",\"acceptedQuantity\":"
                + accepted + ",\"rejectedQuantity\":0,\"outstanding\":" + (1000 - accepted) + "}],\"approvals\":[],"
                + "\"createdBy\":\"hubei-buyer\",\"createdAt\":\"" + now + "\",\"version\":" + version + "},"
                + "\"supplierName\":\"Wuhan mask works\",\"supplierCountry\":\"CN\",\"budgetLineCode\":\""
                + lineCode + "\",\"asOf\":\"" + now + "\"}";
    }


    private static Optional<JsonNode> donationOf(String source) {
        for (JsonNode d : api().as("admin").get("/donations?province=42&limit=500").json().get("items")) {
            if (source.equals(d.path("source").asText())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** A {@code donation.changed} body: 400 masks pledged, with two receipts when {@code received}. */
    private static String donation(long id, String number, String province, String status, Instant asOf,
            boolean received) {
        String line = "\"priority\":\"URGENT\",\"standardMatched\":true,\"packagingIntact\":true,";
        String receipts = !received ? "[]" : "[{\"id\":1,\"acknowledgementNumber\":\"JZQR-" + id + "\","
                + "\"depotCode\":\"HB-WH-01\",\"receivedOn\":\"" + java.time.LocalDate.now() + "\","
                + "\"receivedBy\":\"hubei-desk\",\"receivedAt\":\"" + asOf + "\",\"lines\":[{\"lineNo\":1,"
                + "\"itemCode\":\"MASK-KN95\"," + line + "\"certificatePresent\":true,\"accepted\":380,"
                + "\"rejected\":0,\"lotId\":77}]},{\"id\":2,\"depotCode\":\"HB-WH-01\",\"receivedOn\":\""
                + java.time.LocalDate.now() + "\",\"receivedBy\":\"hubei-desk\",\"receivedAt\":\"" + asOf
                + "\",\"lines\":[{\"lineNo\":1,\"itemCode\":\"MASK-KN95\"," + line
                + "\"certificatePresent\":false,\"accepted\":0,\"rejected\":20,"
                + "\"rejectReason\":\"certificate missing\",\"disposition\":\"RETURNED_TO_DONOR\"}]}]";
        return "{\"id\":" + id + ",\"number\":\"" + number + "\",\"donorId\":" + id + ",\"donorName\":"
                + "\"Wuhan Pharma Co.\",\"donorKind\":\"ENTERPRISE\",\"provinceCode\":\"" + province + "\","
                + "\"pledged\":true,\"status\":\"" + status + "\",\"designationKind\":\"PROVINCE\","
                + "\"designationProvince\":\"42\",\"createdBy\":\"hubei-desk\",\"createdAt\":\"" + asOf
                + "\",\"updatedAt\":\"" + asOf + "\",\"asOf\":\"" + asOf + "\",\"lines\":[{\"lineNo\":1,"
                + "\"itemCode\":\"MASK-KN95\",\"pledged\":400,\"accepted\":" + (received ? 380 : 0)
                + ",\"rejected\":" + (received ? 20 : 0) + "}],\"receipts\":" + receipts + "}";
    }

    private static String censusAnswer(long census, String province, Instant submitted) {
        return "{\"census\":\"central/" + census + "\",\"provinceCode\":\"" + province + "\",\"version\":1,"
                + "\"submittedAt\":\"" + submitted + "\",\"submittedBy\":\"hubei\",\"system\":{\"MASK\":700},"
                + "\"declared\":[{\"categoryCode\":\"MASK\",\"quantity\":50}]}";
    }

    private static String need(String key, String unit, String state, int version) {
        String at = Instant.now().toString();
        return "{\"need\":\"" + key + "\",\"unitCode\":\"" + unit + "\",\"itemCode\":\"MASK-KN95\",\"quantity\":5000,"
                + "\"allocated\":0,\"received\":0,\"urgency\":\"IMMEDIATE\",\"frontLine\":true,\"state\":\"" + state
                + "\",\"createdBy\":\"hubei\",\"createdAt\":\"" + at + "\",\"updatedAt\":\"" + at + "\",\"version\":"
                + version + "}";
    }

    private static JsonNode reportOf(long census, String province) {
        for (JsonNode p : api().as("admin").get("/inventory/census/" + census).json().get("provinces")) {
            if (p.get("provinceCode").asText().equals(province)) {
                return p;
            }
        }
        return null;
    }

    private static Optional<JsonNode> needOf(String key) {
        for (JsonNode n : api().as("admin").get("/needs?province=42&limit=500").json().get("items")) {
            if (key.equals(n.path("source").asText())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> parkedMessage(String type, String id) {
        for (JsonNode p : api().as("admin").get("/federation/parked?type=" + type).json().get("items")) {
            if (p.get("messageId").asText().endsWith(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Hubei's depot ledgers are kept by {@code province:42}: a receipt at central for a Hubei depot is a 409 naming
     * that node and the field, and Hubei's own {@code stock.posting} becomes central's replica, in the balances and
     * in the national report with the node it comes from and its age.
     */
    @Test
    public void hubeisStockIsKeptByItsNodeAndReplicatedAtCentral() throws Exception {
        long wuhan = depot("HB-WH-01");
        long kn95 = catalogue.getByCode(org.tongpao.core.Caller.system("it"), "MASK-KN95").id();
        String expiry = java.time.LocalDate.now().plusYears(1).toString();
        // the inventory migrates on the extender's thread: its resources may not be there yet (404 meanwhile)
        Api.Reply refused = Poll.until("the inventory's answer", WAIT, () -> Optional.of(api().as("admin").post(
                "/inventory/receipts", java.util.Map.of("depotId", wuhan, "itemId", kn95, "quantity", 10, "origin",
                        "PURCHASE_ORDER", "sourceDocument", "PO-IT-1", "expiryDate", expiry)))
                .filter(r -> r.status() != 404));
        assertEquals(refused.toString(), 409, refused.status());
        assertEquals("depotId", refused.json().get("field").asText());
        assertTrue(refused.json().get("detail").asText().contains("kept by node province:42"));

        long lot = System.nanoTime() % 1_000_000_000L;
        sendAsHubei(envelope("province:42/" + System.nanoTime(), "stock.posting", "1.0", "province:42",
                "{\"postingId\":" + lot + ",\"part\":1,\"parts\":1,\"operation\":\"receipt\","
                + "\"depotCode\":\"HB-WH-01\",\"actor\":\"hubei\",\"lots\":[{\"lotId\":" + lot
                + ",\"itemCode\":\"MASK-KN95\",\"origin\":\"PURCHASE_ORDER\",\"sourceDocument\":\"PO-42-IT\","
                + "\"expiryDate\":\"" + expiry + "\",\"receivedOn\":\"" + java.time.LocalDate.now()
                + "\",\"status\":\"AVAILABLE\",\"receivedQuantity\":120}],\"movements\":[{\"lotId\":" + lot
                + ",\"type\":\"RECEIPT\",\"quantity\":120}]}"));
        String replica = "tp_inv_balance b JOIN tp_inv_replica_lot r ON r.lot_id = b.lot_id WHERE r.origin_node = "
                + "'province:42' AND r.remote_lot_id = " + lot;
        Poll.until("Hubei's receipt replicated", WAIT, () -> Optional.ofNullable(count(replica) == 1 ? Boolean.TRUE
                : null));
        assertEquals(120, sum("SELECT b.on_hand FROM " + replica + " AND b.depot_id = " + wuhan));
        JsonNode hubei = null;
        for (JsonNode row : api().as("admin").get("/inventory/national?category=MASK").json().get("items")) {
            if ("42".equals(row.path("provinceCode").asText())) {
                hubei = row;
            }
        }
        assertTrue("Hubei's row in the national report", hubei != null && hubei.get("onHand").asLong() >= 120);
        assertEquals("province:42", hubei.get("replicatedFrom").asText());
        assertTrue(hubei.get("asOf").isTextual());
        hubeisReservationReachesCentral(wuhan, kn95, lot, hubei, replica);
    }

    /**
     * Hubei holds 45 of that lot for an allocation: central may not reserve in Hubei's depot itself (409 naming the
     * node), but the province's {@code stock.posting} 1.2 {@code reserve} makes central's replica hold them, so the
     * national report's {@code available} (and the planner's, {@code InventoryService.available}) no longer counts
     * them.
     */
    private void hubeisReservationReachesCentral(long wuhan, long kn95, long lot, JsonNode before, String replica)
            throws Exception {
        Api.Reply refused = api().as("admin").post("/inventory/reservations", java.util.Map.of("depotId", wuhan,
                "itemId", kn95, "quantity", 5, "holder", "allocation-batch:it"));
        assertEquals(refused.toString(), 409, refused.status());
        assertTrue(refused.json().get("detail").asText().contains("kept by node province:42"));
        sendAsHubei(envelope("province:42/" + System.nanoTime(), "stock.posting", "1.2", "province:42",
                "{\"operation\":\"reserve\",\"depotCode\":\"HB-WH-01\",\"actor\":\"hubei\",\"lots\":[{\"lotId\":"
                + lot + ",\"itemCode\":\"MASK-KN95\",\"origin\":\"PURCHASE_ORDER\",\"sourceDocument\":\"PO-42-IT\","
                + "\"receivedOn\":\"" + java.time.LocalDate.now() + "\",\"status\":\"AVAILABLE\","
                + "\"receivedQuantity\":120,\"reserved\":45}],\"movements\":[]}"));
        Poll.until("Hubei's reservation replicated", WAIT, () -> Optional.ofNullable(
                sum("SELECT b.reserved FROM " + replica) == 45 ? Boolean.TRUE : null));
        JsonNode after = null;
        for (JsonNode row : api().as("admin").get("/inventory/national?category=MASK").json().get("items")) {
            if ("42".equals(row.path("provinceCode").asText())) {
                after = row;
            }
        }
        assertEquals(before.get("reserved").asLong() + 45, after.get("reserved").asLong());
        assertEquals(before.get("available").asLong() - 45, after.get("available").asLong());
        assertEquals(before.get("onHand").asLong(), after.get("onHand").asLong());
    }

    /**
     * A transfer from central's reserve to a Hubei depot is a cross-node transfer: in transit at central (the
     * cross-node listing shows it), {@code transfer.dispatched} queued for Hubei on {@code tongpao.down.42}, not
     * receivable at central (409 naming province:42); Hubei's {@code transfer.received} closes it at central with
     * the shortfall and damage Hubei recorded.
     */
    @Test
    public void aTransferToAHubeiDepotClosesAtCentralWithHubeisReceipt() throws Exception {
        long reserve = depot("CENTRAL-RESERVE");
        long kn95 = catalogue.getByCode(org.tongpao.core.Caller.system("it"), "MASK-KN95").id();
        Api admin = api().as("admin");
        Poll.until("the inventory's REST resources", WAIT, () -> Optional.ofNullable(
                admin.get("/inventory/transfers/cross-node").status() == 200 ? Boolean.TRUE : null));
        long lot = admin.post("/inventory/receipts", java.util.Map.of("depotId", reserve, "itemId", kn95, "quantity", 50,
                "origin", "PURCHASE_ORDER", "sourceDocument", "PO-IT-X", "expiryDate",
                java.time.LocalDate.now().plusYears(2).toString())).json().get("id").asLong();
        Api.Reply sent = admin.post("/inventory/transfers", java.util.Map.of("fromDepotId", reserve, "toDepotId",
                depot("HB-WH-01"), "itemId", kn95, "quantity", 30, "lotId", lot, "sourceDocument", "IT cross-node"));
        assertEquals(sent.toString(), 201, sent.status());
        long transferId = sent.json().get("id").asLong();
        String crossNodeId = sent.json().get("crossNodeId").asText();
        assertEquals("central/" + transferId, crossNodeId);
        assertTrue(crossNodeIds(admin, "IN_TRANSIT").contains(crossNodeId));
        Poll.until("transfer.dispatched queued for Hubei", WAIT, () -> browseDownTo42().stream()
                .filter(e -> e.contains("\"transfer.dispatched\"") && e.contains(crossNodeId)).findFirst());

        Api.Reply here = admin.post("/inventory/transfers/" + transferId + "/receipt",
                java.util.Map.of("receivedQuantity", 30));
        assertEquals(here.toString(), 409, here.status());
        assertTrue(here.json().get("detail").asText().contains("province:42"));

        sendAsHubei(envelope("province:42/" + System.nanoTime(), "transfer.received", "1.0", "province:42",
                "{\"transferId\":\"" + crossNodeId + "\",\"receivedAt\":\"" + Instant.now() + "\",\"lines\":[{"
                + "\"lineNo\":1,\"itemCode\":\"MASK-KN95\",\"received\":28,\"short\":2,\"damaged\":1}]}"));
        Poll.until("the transfer closed at central", WAIT, () -> Optional.ofNullable("RECEIVED".equals(admin
                .get("/inventory/transfers/" + transferId).json().get("status").asText()) ? Boolean.TRUE : null));
        JsonNode closed = admin.get("/inventory/transfers/" + transferId).json();
        assertEquals(28, closed.get("receivedQuantity").asLong());
        assertEquals(1, closed.get("damagedQuantity").asLong());
        assertTrue(crossNodeIds(admin, "RECEIVED").contains(crossNodeId));
    }

    private static java.util.List<String> crossNodeIds(Api api, String status) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        api.get("/inventory/transfers/cross-node?status=" + status + "&limit=500").json().get("items")
                .forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    /** The envelopes waiting for Hubei on tongpao.down.42, browsed as node-42 (nothing is taken off the queue). */
    private static java.util.List<String> browseDownTo42() {
        java.util.List<String> envelopes = new java.util.ArrayList<>();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(brokerUrl() + "?callTimeout=10000");
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession("node-42", TongpaoContainer.NODE_BROKER_PASSWORD, false,
                        true, true, false, 1)) {
            org.apache.activemq.artemis.api.core.client.ClientConsumer browser = session.createConsumer(
                    "tongpao.down.42", true);
            session.start();
            for (ClientMessage m = browser.receive(1000); m != null; m = browser.receive(200)) {
                envelopes.add(m.getBodyBuffer().readNullableSimpleString().toString());
            }
        } catch (Exception e) {
            throw new IllegalStateException("browsing tongpao.down.42 as node-42", e);
        }
        return envelopes;
    }

    /**
     * Rebuilding a province (federation.inventory): central serves a province's stream to a ministry administrator
     * (master data first, the manifest on the first page, a keyset cursor), refuses a province officer, and refuses
     * Hubei's stream while a message from Hubei is parked; a central node is not rebuilt itself.
     */
    @Test
    public void centralServesARebuildStreamOnlyOnceItHasCaughtUpWithTheProvince() throws Exception {
        // the glue bundle's schema and resources may come up after the container reports ready
        Api.Reply first = Poll.until("the rebuild stream served", WAIT, () -> Optional.of(
                api().as("admin").get("/federation/rebuild/32?limit=50")).filter(r -> r.status() != 404));
        assertEquals(first.toString(), 200, first.status());
        assertEquals("units", first.json().get("section").asText());
        assertTrue(first.json().get("manifest").get("masterData").get("depots").asLong() > 0);
        String after = first.json().get("nextCursor").asText();
        Api.Reply second = api().as("admin").get("/federation/rebuild/32?limit=50&after="
                + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(second.toString(), 200, second.status());
        assertTrue(second.json().get("manifest").isNull());
        assertEquals(400, api().as("admin").get("/federation/rebuild/32?after=stock:1").status());
        assertEquals(403, api().as("hubei").get("/federation/rebuild/42").status());
        // the whole stream, through every section: the inventory's own, then those other glue bundles contribute as
        // RebuildContribution services in the order of their names (federation 1.2: federation.allocation's key areas
        // and needs; federation.donation's donations, federation.procurement's order numbering)
        JsonNode manifest = first.json().get("manifest");
        assertEquals(java.util.List.of("units", "items", "depots", "lots", "transfers", "donations", "key-areas",
                "needs", "order-numbering"),
                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(manifest.get("sections"),
                        java.util.List.class));
        assertTrue(manifest.toString(), manifest.get("contributed").has("needs"));
        java.util.Set<String> served = new java.util.LinkedHashSet<>();
        for (String cursor = ""; cursor != null; ) {
            Api.Reply page = api().as("admin").get("/federation/rebuild/32?limit=500&after="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(page.toString(), 200, page.status());
            served.add(page.json().get("section").asText());
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        }
        // sections without rows are passed over in the same request; the last one always ends the stream
        assertTrue(served.toString(), served.contains("units") && served.contains("order-numbering"));

        String type = "itest.rebuild" + UUID.randomUUID().toString().substring(0, 8);
        sendAsHubei(envelope("province:42/" + System.nanoTime(), type, "1.0", "province:42", "{}"));
        Poll.until("the message parked", WAIT, () -> parkedOf(type));
        Api.Reply refused = api().as("admin").get("/federation/rebuild/42");
        assertEquals(refused.toString(), 409, refused.status());
        assertTrue(refused.toString(), refused.json().get("detail").asText().contains("are parked"));

        assertEquals(409, api().as("admin").post("/federation/rebuild", null).status());
        assertEquals(404, api().as("admin").get("/federation/rebuild").status());
        restoredLotOriginsAreServedToTheStockForwarder();
    }

    /**
     * The origin keys a rebuild keeps reach the stock forwarder: the glue bundle registers its LotOrigins (DS), which
     * reads {@code tp_fedinv_lot_origin} on the caller's connection, and the forwarder (which needs it) is active.
     * The interface is private to the bundle, so the probe finds it by name and calls it reflectively.
     */
    private void restoredLotOriginsAreServedToTheStockForwarder() throws Exception {
        String type = "org.tongpao.federation.inventory.internal.stock.LotOrigins";
        org.osgi.framework.ServiceReference<?> ref = Poll.until("the LotOrigins service", WAIT, () -> {
            try {
                org.osgi.framework.ServiceReference<?>[] refs = context.getServiceReferences(type, null);
                return refs == null ? Optional.empty() : Optional.of(refs[0]);
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("org.tongpao.federation.inventory", ref.getBundle().getSymbolicName());
        Object origins = context.getService(ref);
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO tp_fedinv_lot_origin (lot_id, origin_node, origin_lot_id) "
                        + "VALUES (987654321, 'central', 123456789)");
            }
            java.lang.reflect.Method of = ref.getBundle().loadClass(type).getMethod("of", java.sql.Connection.class,
                    java.util.Collection.class);
            Map<?, ?> found = (Map<?, ?>) of.invoke(origins, c, List.of(987654321L, 42L));
            assertEquals(found.toString(), 1, found.size());
            assertTrue(found.toString(), found.get(987654321L).toString().contains("123456789"));
            c.rollback();
        } finally {
            context.ungetService(ref);
        }
        org.osgi.framework.ServiceReference<?>[] forwarders = context.getServiceReferences(
                org.tongpao.core.spi.EventForwarder.class.getName(),
                "(component.name=org.tongpao.federation.inventory.internal.stock.StockForwarder)");
        assertTrue("the stock forwarder is active", forwarders != null && forwarders.length == 1);
    }

    /**
     * The forwarding race of issue 11: while the bundle whose forwarders take inventory's MOVEMENT is installed but
     * stopped (as while a node boots or shuts down), a receipt is refused — through the service with a
     * {@code ForwardingUnavailableException}, through REST with a 503 problem — and nothing is written; once the
     * bundle runs again the same request (same Idempotency-Key) is taken once.
     */
    @Test
    public void aReceiptIsRefusedWhileItsForwarderIsStoppedAndTakenOnceWhenItIsBack() throws Exception {
        long reserve = depot("CENTRAL-RESERVE");
        long kn95 = catalogue.getByCode(org.tongpao.core.Caller.system("it"), "MASK-KN95").id();
        Api admin = api().as("admin");
        Poll.until("the inventory's REST resources", WAIT, () -> Optional.ofNullable(
                admin.get("/inventory/transfers/cross-node").status() == 200 ? Boolean.TRUE : null));
        String document = "PO-IT-FWD-" + System.nanoTime();
        Map<String, Object> receipt = Map.of("depotId", reserve, "itemId", kn95, "quantity", 7, "origin",
                "PURCHASE_ORDER", "sourceDocument", document, "expiryDate",
                java.time.LocalDate.now().plusYears(2).toString());
        org.osgi.framework.Bundle glue = java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.tongpao.federation.inventory")).findFirst().orElseThrow();
        org.tongpao.inventory.StockLedger ledger = service(org.tongpao.inventory.StockLedger.class);
        glue.stop();
        try {
            try {
                ledger.receive(org.tongpao.core.Caller.system("it"), new org.tongpao.inventory.NewReceipt(reserve,
                        kn95, 7L, org.tongpao.inventory.LotOrigin.PURCHASE_ORDER, document,
                        java.time.LocalDate.now().plusYears(2), null), "fwd-it-service-" + document);
                throw new AssertionError("a receipt was taken while its forwarder was stopped");
            } catch (org.tongpao.core.persistence.ForwardingUnavailableException refused) {
                assertEquals("org/tongpao/inventory/MOVEMENT", refused.topic());
            }
            Api.Reply refused = admin.header("Idempotency-Key", "fwd-it-" + document).post("/inventory/receipts",
                    receipt);
            assertEquals(refused.toString(), 503, refused.status());
            assertTrue(refused.contentType(), refused.contentType().startsWith("application/problem+json"));
            assertTrue(refused.toString(), refused.json().get("detail").asText().contains("nothing was written"));
            assertEquals(0, count("tp_inv_lot WHERE source_document = '" + document + "'"));
        } finally {
            glue.start();
        }
        Api.Reply taken = Poll.until("the receipt taken once the forwarder is back", WAIT, () -> Optional.of(
                admin.header("Idempotency-Key", "fwd-it-" + document).post("/inventory/receipts", receipt))
                .filter(r -> r.status() != 503));
        assertEquals(taken.toString(), 201, taken.status());
        Api.Reply again = admin.header("Idempotency-Key", "fwd-it-" + document).post("/inventory/receipts", receipt);
        assertEquals(again.toString(), taken.json().get("id").asLong(), again.json().get("id").asLong());
        assertEquals(1, count("tp_inv_lot WHERE source_document = '" + document + "'"));
    }

    private <T> T service(Class<T> type) {
        org.osgi.framework.ServiceReference<T> ref = context.getServiceReference(type);
        assertTrue("a " + type.getSimpleName() + " service", ref != null);
        return context.getService(ref);
    }

    private Optional<JsonNode> parkedOf(String type) {
        JsonNode items = api().as("admin").get("/federation/parked?type=" + type).json().get("items");
        return items.size() == 0 ? Optional.empty() : Optional.of(items.get(0));
    }

    private LinkStatus link42() {
        return federation.links().stream().filter(l -> l.node().equals("province:42")).findFirst().orElseThrow();
    }

    /** Sends an envelope to tongpao.up.42 as the Hubei node (its broker account node-42). */
    protected static void sendAsHubei(String envelope) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(brokerUrl() + "?callTimeout=10000");
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession("node-42", TongpaoContainer.NODE_BROKER_PASSWORD, false,
                        true, true, false, 1)) {
            ClientProducer producer = session.createProducer("tongpao.up.42");
            ClientMessage m = session.createMessage(ClientMessage.TEXT_TYPE, true);
            m.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID, SimpleString.of(UUID.randomUUID().toString()));
            m.getBodyBuffer().writeNullableSimpleString(SimpleString.of(envelope));
            producer.send(m);
        }
    }

    /** A federation envelope to central, as a provincial node's relay writes it. */
    protected static String envelope(String id, String type, String version, String from, String body) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"version\":\"" + version + "\",\"from\":\"" + from
                + "\",\"to\":\"central\",\"occurredAt\":\"" + Instant.now() + "\",\"queuedAt\":\"" + Instant.now()
                + "\",\"body\":" + body + "}";
    }
}
