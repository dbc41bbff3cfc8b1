package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Federation with three real nodes started as processes from the built distribution ({@link FederatedNodes}):
 * central with the broker, Hubei and Jiangsu. One set of nodes for the whole class (each boot costs seconds on
 * two cores), scenarios in name order; each scenario writes its own records and checks what it did. The outage
 * lasts {@code -Dit.outageSeconds} (20). Instances and logs: {@code itests/target/federation-instances/}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FederationNodesIT {

    private static final Path INSTANCES = Paths.get(System.getProperty("it.work", "target"),
            "federation-instances").toAbsolutePath();
    private static final long OUTAGE_SECONDS = Long.getLong("it.outageSeconds", 20);
    private static final Duration ARRIVAL = Duration.ofSeconds(180);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static FederatedNodes nodes;
    private static long classStarted;

    @BeforeClass
    public static void startNodes() throws Exception {
        classStarted = System.nanoTime();
        nodes = FederatedNodes.start(INSTANCES, Map.of());
    }

    @AfterClass
    public static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
        System.out.printf("[figures] FederationNodesIT: %.1f s from the first boot to the last node stopped%n",
                (System.nanoTime() - classStarted) / 1e9);
    }

    private static Api admin() {
        return nodes.central.api().as("admin");
    }

    private static Api hubei() {
        return nodes.hubei.api().as("hubei");
    }

    private static Api jiangsu() {
        return nodes.jiangsu.api().as("jiangsu");
    }

    @Test
    public void a_eachNodeKnowsItselfAndItsLinkConnects() {
        assertNode(nodes.central, "tongpao-central");
        assertNode(nodes.hubei, "tongpao-province");
        assertNode(nodes.jiangsu, "tongpao-province");
        for (NodeProcess n : nodes.all()) {
            Api api = n.api().as("admin");
            Poll.until(n + ": link connected", ARRIVAL, () -> Optional.of(api.get("/federation").json())
                    .filter(s -> "connected".equals(s.path("state").asText())));
        }
        JsonNode links = admin().get("/federation").json().get("links");
        assertTrue(links.toString(), links.toString().contains("province:42") && links.toString().contains("province:32"));
    }

    @Test
    public void b_stockReceivedAtHubeiAppearsInCentralsNationalReportWithItsAge() {
        NodeStock atHubei = new NodeStock(hubei());
        long depot = atHubei.depotId("HB-WH-01");
        long item = atHubei.itemId("MASK-KN95");
        long before = nationalOnHand("42", "MASK");

        NodeStock atCentral = new NodeStock(admin());
        Api.Reply refused = atCentral.receive(atCentral.depotId("HB-WH-01"), atCentral.itemId("MASK-KN95"), 5,
                "FED-" + RUN + "-AT-CENTRAL");
        assertEquals(refused.toString(), 409, refused.status());
        assertTrue(refused.toString(), refused.body().contains("province:42"));

        Instant received = Instant.now();
        Api.Reply r = atHubei.receive(depot, item, 1234, "FED-" + RUN + "-HB-1");
        assertEquals(r.toString(), 201, r.status());
        long t0 = System.nanoTime();
        // the report reads the replicas' age and the balances in two statements: one read may see the new balance
        // with the age from before it (seen once under load), so the age is awaited too
        JsonNode row = Poll.until("Hubei's receipt in central's national report", ARRIVAL,
                () -> Optional.ofNullable(national("42", "MASK")).filter(n -> n.get("onHand").asLong() == before + 1234
                        && n.path("asOf").isTextual()));
        System.out.printf("[figures] a receipt at Hubei in central's national report after %.1f s (REST polling)%n",
                (System.nanoTime() - t0) / 1e9);
        assertEquals(row.toString(), "province:42", row.path("replicatedFrom").asText());
        Instant asOf = Instant.parse(row.get("asOf").asText());
        assertTrue(row + " as of " + asOf + ", received " + received,
                !asOf.isBefore(received.minusSeconds(5)) && !asOf.isAfter(Instant.now().plusSeconds(5)));
        assertEquals(atHubei.holdings("HB-WH-01"), atCentral.holdings("HB-WH-01"));
    }

    @Test
    public void c_aCensusOpenedAtCentralIsAnsweredByBothProvinces() {
        Api.Reply opened = admin().post("/inventory/census", Map.of("title", "Federated census " + RUN,
                "categories", List.of("MASK"), "deadline", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertEquals(opened.toString(), 201, opened.status());
        long id = opened.json().get("id").asLong();
        Map<String, Long> answered = new HashMap<>();
        for (Map.Entry<String, Api> officer : Map.of("42", hubei(), "32", jiangsu()).entrySet()) {
            Api api = officer.getValue();
            long local = Poll.until("census central/" + id + " at province " + officer.getKey(), ARRIVAL,
                    () -> censusFrom(api, "central/" + id));
            Api.Reply submitted = api.post("/inventory/census/" + local + "/submissions", null);
            assertEquals(submitted.toString(), 201, submitted.status());
            answered.put(officer.getKey(), total(submitted.json(), officer.getKey(), "MASK"));
        }
        JsonNode census = Poll.until("both answers at central", ARRIVAL, () -> {
            JsonNode c = admin().get("/inventory/census/" + id).json();
            return report(c, "42").path("node").isTextual() && report(c, "32").path("node").isTextual()
                    ? Optional.of(c) : Optional.empty();
        });
        for (String province : List.of("42", "32")) {
            JsonNode report = report(census, province);
            assertEquals(report.toString(), "province:" + province, report.get("node").asText());
            assertTrue(report.toString(), report.get("status").asText().startsWith("REPORTED"));
            assertTrue(report.toString(), report.get("ageSeconds").asLong() >= 0);
            assertEquals(census.toString(), answered.get(province).longValue(), total(census, province, "MASK"));
        }
    }

    /**
     * Central's allocation batch to a Hubei depot: planned and dispatched at central from its reserve (a cross-node
     * transfer, in transit at central and at Hubei), received at Hubei with a shortfall and damage, closed at
     * central with Hubei's figures.
     */
    @Test
    public void d1_centralsBatchToAHubeiDepotIsReceivedAtHubeiAndClosedAtCentral() {
        NodeStock atCentral = new NodeStock(admin());
        long reserve = atCentral.depotId("CENTRAL-RESERVE");
        long item = atCentral.itemId("MASK-SURGICAL");
        Api.Reply stocked = atCentral.receive(reserve, item, 500, "FED-" + RUN + "-RESERVE");
        assertEquals(stocked.toString(), 201, stocked.status());
        JsonNode depot = admin().get("/depots/" + atCentral.depotId("HB-PROV-01")).json();
        Api hubeiAtCentral = nodes.central.api().as("hubei");
        Api.Reply need = hubeiAtCentral.post("/needs", Map.of("orgUnitId", depot.get("orgUnitId").asLong(), "itemId",
                item, "quantity", 200, "urgency", "IMMEDIATE", "justification", "federated batch " + RUN,
                "receivingDepotId", depot.get("id").asLong()));
        assertEquals(need.toString(), 201, need.status());
        Api officer = nodes.central.api().as("officer");
        Api.Reply plan = officer.post("/allocation/plans", Map.of("itemId", item, "provinceCode", "42",
                "sourceDepotIds", List.of(reserve)));
        assertEquals(plan.toString(), 201, plan.status());
        Api.Reply approved = admin().post("/allocation/plans/" + plan.json().get("id").asLong() + "/approve", null);
        assertEquals(approved.toString(), 201, approved.status());
        long batch = approved.json().get("id").asLong();
        Api.Reply dispatched = officer.post("/allocation/batches/" + batch + "/dispatch", null);
        assertEquals(dispatched.toString(), 200, dispatched.status());
        JsonNode line = lineOfNeed(dispatched.json(), need.json().get("id").asLong());
        assertEquals(line.toString(), 200, line.get("quantity").asLong());
        String crossNodeId = "central/" + line.get("transferId").asLong();
        assertEquals(crossNodeId, admin().get("/inventory/transfers/" + line.get("transferId").asLong()).json()
                .get("crossNodeId").asText());
        assertTrue("in transit at central", crossNodeIds(admin(), "IN_TRANSIT").contains(crossNodeId));
        Api.Reply notHere = admin().post("/allocation/batches/" + batch + "/lines/" + line.get("id").asLong()
                + "/receipt", Map.of("receivedQuantity", 200));
        assertEquals(notHere.toString(), 409, notHere.status());
        assertTrue(notHere.toString(), notHere.body().contains("province:42"));

        long hubeiBefore = lots(new NodeStock(hubei()), "HB-PROV-01", "MASK-SURGICAL");
        JsonNode inbound = Poll.until("the batch in transit at Hubei", ARRIVAL,
                () -> inboundAt(hubei(), crossNodeId, "IN_TRANSIT"));
        Api.Reply received = hubei().post("/inventory/transfers/" + inbound.get("id").asLong() + "/receipt",
                Map.of("receivedQuantity", 195, "damagedQuantity", 3, "note", "a carton short " + RUN));
        assertEquals(received.toString(), 200, received.status());
        assertTrue(lots(new NodeStock(hubei()), "HB-PROV-01", "MASK-SURGICAL") > hubeiBefore);

        JsonNode closed = Poll.until("the batch closed at central", ARRIVAL, () -> Optional.of(
                admin().get("/allocation/batches/" + batch).json()).filter(b -> "RECEIVED".equals(
                        b.get("status").asText())));
        JsonNode closedLine = lineOfNeed(closed, need.json().get("id").asLong());
        assertEquals(closedLine.toString(), "RECEIVED", closedLine.get("status").asText());
        assertEquals(closedLine.toString(), 195, closedLine.get("receivedQuantity").asLong());
        assertEquals(closedLine.toString(), 3, closedLine.get("damagedQuantity").asLong());
        assertTrue("received at central", crossNodeIds(admin(), "RECEIVED").contains(crossNodeId));
        assertEquals("RECEIVED", admin().get("/inventory/transfers/" + line.get("transferId").asLong()).json()
                .get("status").asText());
    }

    /**
     * Jiangsu → Hubei mutual aid: Jiangsu's offer approved at central, the instruction dispatched by Jiangsu's node,
     * the goods in transit visible at central meanwhile, received at Hubei, closed at central and at Jiangsu.
     */
    @Test
    public void d2_mutualAidFromJiangsuToHubeiEndToEnd() {
        String item = "SUIT-MEDPROT";
        NodeStock js = new NodeStock(jiangsu());
        NodeStock atCentral = new NodeStock(admin());
        Api.Reply stocked = js.receive(js.depotId("JS-PROV-01"), js.itemId(item), 80, "FED-" + RUN + "-AID");
        assertEquals(stocked.toString(), 201, stocked.status());
        // the offer is checked against central's replica of Jiangsu's depot
        Poll.until("Jiangsu's stock replicated at central", ARRIVAL, () -> Optional.of(true)
                .filter(x -> js.holdings("JS-PROV-01").equals(atCentral.holdings("JS-PROV-01"))));
        Set<String> inTransitBefore = new HashSet<>(crossNodeIds(admin(), "IN_TRANSIT"));

        Api jiangsuAtCentral = nodes.central.api().as("jiangsu");
        Api.Reply offer = jiangsuAtCentral.post("/allocation/mutual-aid", Map.of("fromDepotId",
                atCentral.depotId("JS-PROV-01"), "itemId", atCentral.itemId(item), "quantity", 50, "toProvinceCode",
                "42", "note", "from Nanjing " + RUN));
        assertEquals(offer.toString(), 201, offer.status());
        Api.Reply approved = admin().post("/allocation/mutual-aid/" + offer.json().get("id").asLong() + "/approve",
                Map.of("toDepotId", atCentral.depotId("HB-WH-01")));
        assertEquals(approved.toString(), 201, approved.status());
        long batch = approved.json().get("id").asLong();
        assertEquals(approved.toString(), "INSTRUCTED", approved.json().get("lines").get(0).get("status").asText());

        // Jiangsu's node dispatches the instruction itself; central sees the goods in transit
        String crossNodeId = Poll.until("the aid in transit at central", ARRIVAL, () -> crossNodeIds(admin(),
                "IN_TRANSIT").stream().filter(id -> id.startsWith("province:32/") && !inTransitBefore.contains(id))
                .findFirst());
        Poll.until("the line dispatched at central", ARRIVAL, () -> Optional.of(admin().get("/allocation/batches/"
                + batch).json()).filter(b -> "DISPATCHED".equals(b.get("lines").get(0).get("status").asText())));
        long jiangsuTransfer = Long.parseLong(crossNodeId.substring("province:32/".length()));
        assertEquals("IN_TRANSIT", jiangsu().get("/inventory/transfers/" + jiangsuTransfer).json().get("status")
                .asText());

        JsonNode inbound = Poll.until("the aid in transit at Hubei", ARRIVAL,
                () -> inboundAt(hubei(), crossNodeId, "IN_TRANSIT"));
        Api.Reply received = hubei().post("/inventory/transfers/" + inbound.get("id").asLong() + "/receipt",
                Map.of("receivedQuantity", 50));
        assertEquals(received.toString(), 200, received.status());

        Poll.until("the batch closed at central", ARRIVAL, () -> Optional.of(admin().get("/allocation/batches/"
                + batch).json()).filter(b -> "RECEIVED".equals(b.get("status").asText())
                        && "RECEIVED".equals(b.get("lines").get(0).get("status").asText())));
        assertTrue("received at central", crossNodeIds(admin(), "RECEIVED").contains(crossNodeId));
        Poll.until("the transfer closed at Jiangsu", ARRIVAL, () -> Optional.of(jiangsu().get("/inventory/transfers/"
                + jiangsuTransfer).json()).filter(t -> "RECEIVED".equals(t.get("status").asText())));
        assertEquals(50, jiangsu().get("/inventory/transfers/" + jiangsuTransfer).json().get("receivedQuantity")
                .asLong());
    }

    @Test
    public void e_balancesEqualLedgersOnEveryNodeAndReplicasEqualTheOwners() {
        assertConsistent(List.of("HB-WH-01", "HB-PROV-01", "JS-PROV-01"));
    }

    @Test
    public void f_aProvinceNamingAnotherProvincesDepotThroughItsLinkIsRefusedAndAudited() throws Exception {
        Map<Long, Long> jiangsuBefore = new NodeStock(admin()).onHandByItem("JS-PROV-01");
        String depotSpoof = "province:42/spoof-depot-" + RUN;
        String senderSpoof = "province:32/spoof-sender-" + RUN;
        try (LinkClient link = new LinkClient(nodes.brokerUrl(), "node-42", "demo", "tongpao.up.42")) {
            link.sendBatch(List.of(depotSpoof, senderSpoof), List.of(
                    LinkClient.envelope(depotSpoof, "stock.posting", "1.0", "province:42", Instant.now(),
                            LinkClient.receipt("JS-PROV-01", "GLOVES-EXAM", System.nanoTime(), 77, "SPOOF-" + RUN)),
                    LinkClient.envelope(senderSpoof, "stock.posting", "1.0", "province:32", Instant.now(),
                            LinkClient.receipt("JS-PROV-01", "GLOVES-EXAM", System.nanoTime(), 77, "SPOOF-" + RUN))));
        }
        Api auditor = nodes.central.api().as("auditor");
        JsonNode parked = Poll.until("both spoofs parked at central", ARRIVAL, () -> {
            JsonNode p = auditor.get("/federation/parked?link=province:42&limit=500").json();
            return p.toString().contains(depotSpoof) && p.toString().contains("spoof-sender-" + RUN)
                    ? Optional.of(p) : Optional.empty();
        });
        for (JsonNode m : parked.get("items")) {
            if (m.get("messageId").asText().contains(RUN)) {
                System.out.println("[federation] parked at central: " + m.get("messageId").asText() + " "
                        + m.get("reason").asText() + ": " + m.path("error").asText());
                assertFalse(m.toString(), m.path("error").asText().isBlank());
            }
        }
        JsonNode audit = auditor.get("/audit?entity=federation-message&limit=500").json();
        assertTrue("the refused sender is audited: " + audit, audit.toString().contains("spoof-sender-" + RUN));
        assertEquals("nothing reached Jiangsu's replica", jiangsuBefore,
                new NodeStock(admin()).onHandByItem("JS-PROV-01"));
    }

    @Test
    public void g_centralKilledWhileProvincesWriteAndAProvinceKilledMidSendLoseNothingAndRepeatNothing()
            throws Exception {
        NodeStock hb = new NodeStock(hubei());
        NodeStock js = new NodeStock(jiangsu());
        NodeStock atCentral = new NodeStock(admin());
        String item = "GLOVES-EXAM";
        List<Long> hubeiAcknowledged;
        List<Long> jiangsuAcknowledged;
        try (ReceiptWriter hubeiWriter = new ReceiptWriter(hb, hb.depotId("HB-PROV-01"), hb.itemId(item), 100_000,
                "OUT-HB-" + RUN);
                ReceiptWriter jiangsuWriter = new ReceiptWriter(js, js.depotId("JS-PROV-01"), js.itemId(item), 200_000,
                        "OUT-JS-" + RUN)) {
            Poll.until("receipts before the outage", ARRIVAL,
                    () -> hubeiWriter.acknowledged().size() >= 5 && jiangsuWriter.acknowledged().size() >= 5
                            ? Optional.of(true) : Optional.empty());
            long atCentralBefore = lots(atCentral, "HB-PROV-01", item);
            nodes.central.kill();
            long killedAt = System.nanoTime();
            Poll.until(OUTAGE_SECONDS + " s of writes without central", Duration.ofSeconds(OUTAGE_SECONDS + 60),
                    () -> System.nanoTime() - killedAt > OUTAGE_SECONDS * 1_000_000_000L ? Optional.of(true)
                            : Optional.empty());
            int hubeiWritten = hubeiWriter.acknowledged().size();
            int whileDown = hubeiWritten + jiangsuWriter.acknowledged().size();
            FederatedNodes.restart(nodes.central);
            // Hubei's backlog starts to arrive: kill it in the middle of sending
            long arrivedAtKill = Poll.until("Hubei's backlog arriving", ARRIVAL, () -> Optional
                    .of(lots(atCentral, "HB-PROV-01", item)).filter(n -> n > atCentralBefore));
            nodes.hubei.kill();
            System.out.printf("[figures] outage: central down %d s; %d receipts acknowledged by then (Hubei %d); "
                    + "Hubei killed with %d of its lots of %s at central%n", OUTAGE_SECONDS, whileDown, hubeiWritten,
                    arrivedAtKill, item);
            FederatedNodes.restart(nodes.hubei);
            int afterRestart = hubeiWriter.acknowledged().size();
            Poll.until("receipts at Hubei after its restart", ARRIVAL, () -> hubeiWriter.acknowledged().size()
                    >= afterRestart + 5 ? Optional.of(true) : Optional.empty());
            hubeiAcknowledged = hubeiWriter.acknowledged();
            jiangsuAcknowledged = jiangsuWriter.acknowledged();
        }
        assertArrivedExactlyOnce(atCentral, "HB-PROV-01", item, hubeiAcknowledged, hb);
        assertArrivedExactlyOnce(atCentral, "JS-PROV-01", item, jiangsuAcknowledged, js);
        assertConsistent(List.of("HB-WH-01", "HB-PROV-01", "JS-PROV-01"));
        assertNothingParkedWithoutAReason();
    }

    /**
     * Jiangsu's node rebuilt from central (issue 11): killed, its data directory deleted, started afresh and rebuilt
     * over REST. Its balances equal central's replica, its open need and its transfers in transit both ways are back,
     * and the receipts after the rebuild close both at central and at the sender. Jiangsu, not Hubei: scenario f
     * parked spoofs on Hubei's link, and central refuses a province's rebuild while its messages are parked.
     */
    @Test
    public void h_aProvinceRebuiltFromCentralGetsItsStockNeedsAndTransfersBack() throws Exception {
        long t0 = System.nanoTime();
        String item = "SUIT-MEDPROT";
        Api hbAdmin = nodes.hubei.api().as("admin");
        NodeStock hb = new NodeStock(hbAdmin);
        NodeStock js = new NodeStock(nodes.jiangsu.api().as("admin"));
        NodeStock atCentral = new NodeStock(admin());
        assertEquals(201, js.receive(js.depotId("JS-PROV-01"), js.itemId(item), 40, "REB-JS-" + RUN).status());
        assertEquals(201, hb.receive(hb.depotId("HB-PROV-01"), hb.itemId(item), 30, "REB-HB-" + RUN).status());
        String outbound = "province:32/" + transferOut(nodes.jiangsu.api().as("admin"), js, "JS-PROV-01", "HB-WH-01",
                item, 15);
        String inbound = "province:42/" + transferOut(hbAdmin, hb, "HB-PROV-01", "JS-PROV-01", item, 12);
        JsonNode depot = jiangsu().get("/depots/" + js.depotId("JS-PROV-01")).json();
        Api.Reply need = jiangsu().post("/needs", Map.of("orgUnitId", depot.get("orgUnitId").asLong(), "itemId",
                js.itemId(item), "quantity", 70, "urgency", "IMMEDIATE", "justification", "before the rebuild " + RUN,
                "receivingDepotId", depot.get("id").asLong()));
        assertEquals(need.toString(), 201, need.status());
        long needId = need.json().get("id").asLong();
        // a donation Jiangsu recorded: it comes back under its id and number, and the next one is numbered above it
        Api jsDesk = nodes.jiangsu.api().as("admin");
        String donation = pledge(jsDesk, js.itemId(item));
        long donationId = Long.parseLong(donation.substring("province:32/".length()));
        String donationNumber = jsDesk.get("/donations/" + donationId).json().get("number").asText();

        // central has caught up with Jiangsu: what a rebuild brings back is what central holds
        Poll.until("both transfers in transit at central", ARRIVAL, () -> Optional.of(true)
                .filter(x -> crossNodeIds(admin(), "IN_TRANSIT").containsAll(List.of(outbound, inbound))));
        Poll.until("Hubei's transfer in transit at Jiangsu", ARRIVAL, () -> inboundAt(jiangsu(), inbound, "IN_TRANSIT"));
        Poll.until("Jiangsu's need copied at central", ARRIVAL, () -> Optional.of(true).filter(x -> admin()
                .get("/needs?province=32&limit=500").body().contains("province:32/" + needId)));
        Poll.until("Jiangsu's donation copied at central", ARRIVAL, () -> donationCopy(donation));
        Poll.until("Jiangsu's replica at central equal to Jiangsu", ARRIVAL, () -> Optional.of(true)
                .filter(x -> js.holdings("JS-PROV-01").equals(atCentral.holdings("JS-PROV-01"))));
        Map<String, NodeStock.Holding> replica = atCentral.holdings("JS-PROV-01");

        // the disk is lost: a new install of the node, rebuilt from central
        nodes.jiangsu.kill();
        NodeProcess.deleteTree(nodes.jiangsu.instance().resolve("data"));
        FederatedNodes.restart(nodes.jiangsu);
        long rebuildStarted = System.nanoTime();
        Api jsAdmin = nodes.jiangsu.api().as("admin");
        Api.Reply started = jsAdmin.post("/federation/rebuild", null);
        assertEquals(started.toString(), 202, started.status());
        JsonNode run = Poll.until("Jiangsu rebuilt from central", ARRIVAL, () -> {
            JsonNode r = jsAdmin.get("/federation/rebuild").json();
            assertFalse(r.toString(), "FAILED".equals(r.path("state").asText()));
            return Optional.of(r).filter(x -> "DONE".equals(x.path("state").asText()));
        });
        System.out.printf("[figures] Jiangsu rebuilt from central in %.1f s: %d record(s) in %d page(s)%n",
                (System.nanoTime() - rebuildStarted) / 1e9, run.get("rowsApplied").asLong(), run.get("pages").asLong());
        assertEquals(run.toString(), run.get("rowsExpected").asLong(), run.get("rowsApplied").asLong());

        NodeStock rebuilt = new NodeStock(jsAdmin);
        // (balances = ledger on a rebuilt node: RebuildRunnerTest; the ledger here holds thousands of movements by now)
        assertEquals("balances equal central's replica", replica, rebuilt.holdings("JS-PROV-01"));
        assertTrue("both transfers in transit again", crossNodeIds(jsAdmin, "IN_TRANSIT").containsAll(List.of(outbound,
                inbound)));
        long jsTransfer = Long.parseLong(outbound.substring("province:32/".length()));
        assertEquals("IN_TRANSIT", jsAdmin.get("/inventory/transfers/" + jsTransfer).json().get("status").asText());
        JsonNode restoredNeed = jsAdmin.get("/needs/" + needId).json();
        assertEquals(restoredNeed.toString(), 70, restoredNeed.get("quantity").asLong());
        assertEquals(restoredNeed.toString(), "OPEN", restoredNeed.get("state").asText());

        JsonNode restoredDonation = jsAdmin.get("/donations/" + donationId).json();
        assertEquals(restoredDonation.toString(), donationNumber, restoredDonation.get("number").asText());
        String next = pledge(jsAdmin, js.itemId(item));
        assertTrue(next + " numbered above " + donation,
                Long.parseLong(next.substring("province:32/".length())) > donationId);
        JsonNode nextCopy = Poll.until("the rebuilt node's new donation copied at central", ARRIVAL,
                () -> donationCopy(next));
        assertFalse("a copy of its own", nextCopy.get("number").asText().endsWith("/" + donationNumber));
        assertEquals("the old donation's copy untouched", "province:32/" + donationNumber,
                donationCopy(donation).orElseThrow().get("number").asText());

        // receipts after the rebuild: Hubei's closes the rebuilt node's transfer-out, the rebuilt node's closes Hubei's
        JsonNode atHubei = Poll.until("Jiangsu's transfer in transit at Hubei", ARRIVAL,
                () -> inboundAt(hubei(), outbound, "IN_TRANSIT"));
        Api.Reply hubeiReceipt = hubei().post("/inventory/transfers/" + atHubei.get("id").asLong() + "/receipt",
                Map.of("receivedQuantity", 15));
        assertEquals(hubeiReceipt.toString(), 200, hubeiReceipt.status());
        JsonNode atJiangsu = inboundAt(jsAdmin, inbound, "IN_TRANSIT").orElseThrow();
        Api.Reply jiangsuReceipt = jsAdmin.post("/inventory/transfers/" + atJiangsu.get("id").asLong() + "/receipt",
                Map.of("receivedQuantity", 12));
        assertEquals(jiangsuReceipt.toString(), 200, jiangsuReceipt.status());
        Poll.until("both closed at central", ARRIVAL, () -> Optional.of(true)
                .filter(x -> crossNodeIds(admin(), "RECEIVED").containsAll(List.of(outbound, inbound))));
        Poll.until("the rebuilt node's transfer-out closed by Hubei's receipt", ARRIVAL, () -> Optional.of(jsAdmin
                .get("/inventory/transfers/" + jsTransfer).json()).filter(t -> "RECEIVED".equals(t.get("status").asText())));
        long hbTransfer = Long.parseLong(inbound.substring("province:42/".length()));
        Poll.until("Hubei's transfer-out closed by the rebuilt node's receipt", ARRIVAL, () -> Optional.of(hbAdmin
                .get("/inventory/transfers/" + hbTransfer).json()).filter(t -> "RECEIVED".equals(t.get("status").asText())));
        // the rebuilt node's new postings reach central's replica (its posting ids continue above those central applied)
        Poll.until("central's replica equal to the rebuilt node after the receipts", ARRIVAL, () -> Optional.of(true)
                .filter(x -> rebuilt.holdings("JS-PROV-01").equals(atCentral.holdings("JS-PROV-01"))));
        System.out.printf("[figures] FederationNodesIT rebuild scenario: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** A donor and its pledge at Jiangsu through {@code api}; the key of central's copy of it. */
    private static String pledge(Api api, long itemId) {
        Api.Reply donor = api.post("/donations/donors", Map.of("kind", "ENTERPRISE", "name", "Rebuild donor " + RUN,
                "provinceCode", "32"));
        assertEquals(donor.toString(), 201, donor.status());
        Api.Reply pledged = api.post("/donations", Map.of("donorId", donor.json().get("id").asLong(), "provinceCode",
                "32", "lines", List.of(Map.of("itemId", itemId, "quantity", 5))));
        assertEquals(pledged.toString(), 201, pledged.status());
        return "province:32/" + pledged.json().get("id").asLong();
    }

    /** Central's copy of a province's donation, by its key ({@code source}). */
    private static Optional<JsonNode> donationCopy(String source) {
        for (JsonNode d : admin().get("/donations?limit=500").json().path("items")) {
            if (source.equals(d.path("source").asText())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** A transfer-out through {@code api} from one depot to another; its id on that node. */
    private static long transferOut(Api api, NodeStock stock, String from, String to, String item, long quantity) {
        Api.Reply r = api.post("/inventory/transfers", Map.of("fromDepotId", stock.depotId(from), "toDepotId",
                stock.depotId(to), "itemId", stock.itemId(item), "quantity", quantity, "sourceDocument",
                "REB-" + from + "-" + RUN));
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asLong();
    }

    /**
     * The slim provincial composite leaves donations out (issue 11); a province that takes donations opts in with
     * {@code ./tongpao run --with tongpao-donation} (Jiangsu here, {@link FederatedNodes}): Hubei serves no donation
     * resource, Jiangsu takes a pledge, and its copy reaches central through the glue bundle the opt-in brought along.
     */
    @Test
    public void i_donationsRunOnlyWhereAProvinceOptedInAndItsPledgesReachCentral() {
        JsonNode slim = nodes.hubei.api().get("/health").json();
        assertFalse(slim.toString(), slim.get("capabilities").toString().contains("tongpao-donation"));
        assertFalse(slim.toString(), slim.get("capabilities").toString().contains("tongpao-import"));
        assertEquals(404, hubei().get("/donations").status());
        assertNode(nodes.jiangsu, "tongpao-donation");

        Api desk = nodes.jiangsu.api().as("admin");
        NodeStock atJiangsu = new NodeStock(jiangsu());
        long unit = jiangsu().get("/depots/" + atJiangsu.depotId("JS-PROV-01")).json().get("orgUnitId").asLong();
        Api.Reply donor = desk.post("/donations/donors", Map.of("kind", "ENTERPRISE", "name", "Opt-in donor " + RUN,
                "provinceCode", "32"));
        assertEquals(donor.toString(), 201, donor.status());
        Api.Reply pledged = desk.post("/donations", Map.of("donorId", donor.json().get("id").asLong(),
                "provinceCode", "32", "designation", Map.of("kind", "ORG_UNIT", "orgUnitId", unit),
                "lines", List.of(Map.of("itemId", atJiangsu.itemId("MASK-KN95"), "quantity", 300))));
        assertEquals(pledged.toString(), 201, pledged.status());
        String source = "province:32/" + pledged.json().get("id").asLong();
        JsonNode copy = Poll.until("Jiangsu's pledge copied to central", ARRIVAL, () -> {
            for (JsonNode d : admin().get("/donations?province=32&limit=500").json().get("items")) {
                if (source.equals(d.path("source").asText())) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        });
        assertEquals(copy.toString(), "PLEDGED", copy.get("status").asText());
    }

    @Test
    public void z_everyNodeStopsCleanly() {
        for (NodeProcess n : nodes.all()) {
            n.stop();
            assertFalse(n + " still runs after a clean stop", n.alive());
        }
    }

    private static void assertNode(NodeProcess n, String capability) {
        JsonNode health = n.api().get("/health").json();
        assertEquals(health.toString(), "UP", health.get("status").asText());
        assertEquals(health.toString(), n.node(), health.get("node").asText());
        assertTrue(n + ": " + health, health.get("capabilities").toString().contains(capability));
    }

    /** The batch line serving one need. */
    private static JsonNode lineOfNeed(JsonNode batch, long needId) {
        for (JsonNode l : batch.get("lines")) {
            if (l.path("needId").asLong() == needId) {
                return l;
            }
        }
        throw new AssertionError("no line for need " + needId + " in " + batch);
    }

    /** The ids of the cross-node transfers a node shows in one status. */
    private static List<String> crossNodeIds(Api api, String status) {
        List<String> ids = new ArrayList<>();
        Api.Reply r = api.get("/inventory/transfers/cross-node?status=" + status + "&limit=500");
        assertEquals(r.toString(), 200, r.status());
        r.json().get("items").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    /** The receiving node's inbound transfer of a cross-node id, once it is in {@code status}. */
    private static Optional<JsonNode> inboundAt(Api api, String crossNodeId, String status) {
        for (JsonNode t : api.get("/inventory/transfers?status=" + status + "&limit=500").json().get("items")) {
            if (crossNodeId.equals(t.path("crossNodeId").asText())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Central's national report row of one province × category, or null. */
    private static JsonNode national(String province, String category) {
        for (JsonNode row : admin().get("/inventory/national?category=" + category).json().get("items")) {
            if (province.equals(row.path("provinceCode").asText())) {
                return row;
            }
        }
        return null;
    }

    private static long nationalOnHand(String province, String category) {
        JsonNode row = national(province, category);
        return row == null ? 0 : row.get("onHand").asLong();
    }

    private static Optional<Long> censusFrom(Api api, String source) {
        for (JsonNode c : api.get("/inventory/census?limit=500").json().get("items")) {
            if (source.equals(c.path("source").asText())) {
                return Optional.of(c.get("id").asLong());
            }
        }
        return Optional.empty();
    }

    private static JsonNode report(JsonNode census, String province) {
        for (JsonNode p : census.get("provinces")) {
            if (province.equals(p.get("provinceCode").asText())) {
                return p;
            }
        }
        throw new AssertionError("no province " + province + " in " + census);
    }

    private static long total(JsonNode census, String province, String category) {
        for (JsonNode t : census.get("totals")) {
            if (province.equals(t.get("provinceCode").asText()) && category.equals(t.get("categoryCode").asText())) {
                return t.get("systemQuantity").asLong();
            }
        }
        return 0;
    }

    private static long lots(NodeStock stock, String depotCode, String item) {
        NodeStock.Holding h = stock.holdings(depotCode).get(item);
        return h == null ? 0 : h.lots();
    }

    /**
     * Every receipt the owner acknowledged is one lot at central with its quantity, exactly once, once central
     * holds what the owner holds (the owner may hold receipts whose answer was lost in the kill: they count too).
     */
    private static void assertArrivedExactlyOnce(NodeStock atCentral, String depotCode, String item,
            List<Long> acknowledged, NodeStock owner) {
        Poll.until(depotCode + " at central equal to its owner's", ARRIVAL, () -> Optional.of(true)
                .filter(x -> owner.holdings(depotCode).equals(atCentral.holdings(depotCode))));
        Map<Long, Integer> lotsByQuantity = new HashMap<>();
        for (long q : atCentral.lotQuantities(depotCode, item)) {
            lotsByQuantity.merge(q, 1, Integer::sum);
        }
        for (long q : acknowledged) {
            assertEquals("acknowledged receipt of " + q + " at " + depotCode + ", lots at central by quantity",
                    Integer.valueOf(1), lotsByQuantity.get(q));
        }
        System.out.printf("[figures] %s: %d acknowledged receipts, each once at central (%d lots there)%n", depotCode,
                acknowledged.size(), lotsByQuantity.size());
    }

    /** Balances equal ledgers on every node; central's replica of each depot equals its owner's (count and sum). */
    private static void assertConsistent(List<String> depotCodes) {
        Map<String, NodeStock> owners = Map.of("HB", new NodeStock(hubei()), "JS", new NodeStock(jiangsu()));
        NodeStock atCentral = new NodeStock(admin());
        for (String code : depotCodes) {
            NodeStock owner = owners.get(code.substring(0, 2));
            for (NodeStock node : List.of(owner, atCentral)) {
                assertEquals(code + ": balances equal the ledger", node.onHandByItem(code),
                        node.ledgerByItem(node.depotId(code), null));
            }
            Poll.until(code + ": central's replica equals the owner's", ARRIVAL, () -> Optional.of(true)
                    .filter(x -> owner.holdings(code).equals(atCentral.holdings(code))));
        }
    }

    private static void assertNothingParkedWithoutAReason() {
        List<String> unexplained = new ArrayList<>();
        for (NodeProcess n : nodes.all()) {
            for (JsonNode m : n.api().as("admin").get("/federation/parked?resolved=false&limit=500").json()
                    .get("items")) {
                boolean spoof = m.get("messageId").asText().contains("spoof-");
                if (!spoof && (m.path("reason").isNull() || m.path("error").asText().isBlank()
                        || "stock.posting".equals(m.path("type").asText()))) {
                    unexplained.add(n.node() + ": " + m);
                }
            }
        }
        assertEquals("parked without a reason, or stock parked", List.of(), unexplained);
    }
}
