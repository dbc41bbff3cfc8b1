package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.NeedService;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NewDepot;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.StockLedger;

/**
 * The seed's story over REST in the central install (tongpao-central with tongpao-inventory and
 * tongpao-allocation): the ministry's reserve census, needs from Hubei's units, a plan under shortage that
 * puts key areas, urgent needs and the front line first, approval by a second person, dispatch, receipt
 * with a shortfall, and mutual aid from Jiangsu — with the ledger and the balances agreeing after every step.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LogisticsStoryIT extends CentralNode {

    @Inject
    StockLedger ledger;

    @Inject
    InventoryService inventory;

    @Inject
    NeedService needs;

    @Inject
    AllocationService allocation;

    @Before
    public void restServerHasMountedTheCapabilities() {
        Poll.status("/allocation/batches", 401, () -> api().get("/allocation/batches"));
    }

    /** CI runs this class a second time on PostgreSQL (.ci/postgres-suites): the switch must have taken. */
    @Test
    public void runsOnTheDatabaseItWasConfiguredFor() throws SQLException {
        boolean postgres = !System.getProperty(TongpaoContainer.POSTGRES, "").isBlank();
        try (Connection c = dataSource.getConnection()) {
            assertEquals(postgres ? "PostgreSQL" : "Apache Derby", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    public void censusNeedsPlanBatchDispatchReceiptAndMutualAid() throws Exception {
        Caller system = Caller.system("it");
        long central = depot("CENTRAL-RESERVE");
        long hubeiProv = depot("HB-PROV-01");
        long wuhanStore = depot("HB-WH-01");
        long jiangsuProv = depot("JS-PROV-01");
        long gloves = catalogue.getByCode(system, "GLOVES-EXAM").id();
        long station = units.getByCode(system, "P42-WUHAN-JIANGAN-T01").id();
        long wuhan = units.getByCode(system, "P42-WUHAN").id();
        long nanjing = units.getByCode(system, "P32-NANJING").id();
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        Api jiangsu = api().as("jiangsu");
        String expiry = LocalDate.now().plusYears(2).toString();

        // opening stock: 3,000 pairs of gloves in the central reserve, 500 in Hubei, 5,000 in Jiangsu
        receive(admin, central, gloves, 3_000, expiry);
        receive(admin, hubeiProv, gloves, 500, expiry);
        receive(jiangsu, jiangsuProv, gloves, 5_000, expiry);
        assertLedgerAgreesWithBalances();

        // the ministry opens a reserve census; Hubei reports, Jiangsu has not yet
        Api.Reply census = officer.post("/inventory/census", Map.of("title", "Glove reserves",
                "categories", List.of("GLOVES"), "deadline", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        assertEquals(census.toString(), 201, census.status());
        long censusId = census.json().get("id").asLong();
        Api.Reply submitted = hubei.send("POST", "/inventory/census/" + censusId + "/submissions",
                "{\"declared\":[{\"categoryCode\":\"GLOVES\",\"quantity\":200,\"note\":\"held by county stations\"}]}",
                "application/json");
        assertEquals(submitted.toString(), 201, submitted.status());
        JsonNode view = admin.get("/inventory/census/" + censusId).json();
        assertEquals("REPORTED", province(view.get("provinces"), "42").get("status").asText());
        assertEquals("PENDING", province(view.get("provinces"), "32").get("status").asText());
        JsonNode hubeiTotal = province(view.get("totals"), "42");
        assertEquals(500, hubeiTotal.get("systemQuantity").asLong());
        assertEquals(200, hubeiTotal.get("declaredQuantity").asLong());
        assertEquals(403, hubei.post("/inventory/census", Map.of("title", "x", "categories", List.of("GLOVES"),
                "deadline", Instant.now().plus(1, ChronoUnit.DAYS).toString())).status());

        // Hubei is a key area; its units ask; Jiangsu asks too
        assertEquals(201, admin.post("/needs/key-areas", Map.of("provinceCode", "42", "label", "Hubei")).status());
        long stationNeed = need(hubei, station, gloves, 2_000, "IMMEDIATE", wuhanStore);
        long wuhanNeed = need(hubei, wuhan, gloves, 2_500, "H72", wuhanStore);
        long nanjingNeed = need(jiangsu, nanjing, gloves, 1_000, "ROUTINE", jiangsuProv);
        assertEquals(404, hubei.get("/needs/" + nanjingNeed).status());
        assertTrue(admin.get("/needs/" + stationNeed).json().get("keyArea").asBoolean());
        assertFalse(admin.get("/needs/" + nanjingNeed).json().get("keyArea").asBoolean());

        // shortage: 3,500 pairs in the named sources for 5,500 asked; the front-line station comes first
        Api.Reply proposed = officer.post("/allocation/plans", Map.of("itemId", gloves,
                "sourceDepotIds", List.of(central, hubeiProv), "note", "Batch to Hubei"));
        assertEquals(proposed.toString(), 201, proposed.status());
        JsonNode plan = proposed.json();
        long planId = plan.get("id").asLong();
        JsonNode first = byRank(plan.get("needs"), 1);
        assertEquals(stationNeed, first.get("needId").asLong());
        assertEquals(2_000, first.get("planned").asLong());
        assertTrue(first.get("reason").asText(), first.get("reason").asText().toLowerCase().contains("key area"));
        assertEquals(wuhanNeed, byRank(plan.get("needs"), 2).get("needId").asLong());
        assertEquals(1_500, byRank(plan.get("needs"), 2).get("planned").asLong());
        assertEquals(0, byRank(plan.get("needs"), 3).get("planned").asLong());
        assertNotNull(byRank(plan.get("needs"), 3).get("shortReason"));
        for (JsonNode line : plan.get("lines")) {
            assertFalse(line.toString(), line.get("reason").asText().isBlank());
        }

        // approval: not by the planner, and only by a ministry admin; it reserves the stock
        assertEquals(403, officer.post("/allocation/plans/" + planId + "/approve", null).status());
        String approvalKey = UUID.randomUUID().toString();
        Api.Reply approved = admin.header("Idempotency-Key", approvalKey).post("/allocation/plans/" + planId + "/approve", null);
        assertEquals(approved.toString(), 201, approved.status());
        JsonNode batch = approved.json();
        long batchId = batch.get("id").asLong();
        assertNotNull(batch.get("number").asText());
        // numbered per destination as well as nationally: the year's first batch to Hubei
        assertEquals("Batch 1 to Hubei", batch.get("title").asText());
        assertEquals(1, batch.get("destinationSequence").asInt());
        assertEquals(batchId, admin.header("Idempotency-Key", approvalKey)
                .post("/allocation/plans/" + planId + "/approve", null).json().get("id").asLong());
        assertEquals(0, inventory.available(system, central, gloves) + inventory.available(system, hubeiProv, gloves));
        assertLedgerAgreesWithBalances();

        // Hubei is a key area: nothing leaves for it without an entry pass a checkpoint can verify (409 naming passes);
        // the goods travel on one shipment per depot pair, each with its printed pass
        Api.Reply held = admin.post("/allocation/batches/" + batchId + "/dispatch", null);
        assertEquals(held.toString(), 409, held.status());
        assertEquals(held.toString(), "passes", held.json().path("field").asText());
        assertEquals(0, inTransitTo(wuhanStore, gloves));
        for (long from : List.of(central, hubeiProv)) {
            Api.Reply shipment = officer.post("/shipments", Map.of("batchId", batchId, "fromDepotId", from,
                    "toDepotId", wuhanStore, "carrierId", "fleet", "packages", 10, "weightKg", 100));
            assertEquals(shipment.toString(), 201, shipment.status());
            EntryPasses.grant(officer, shipment.json().path("id").asLong());
        }

        // dispatch, retried with the same key: the goods are in transit once
        String dispatchKey = UUID.randomUUID().toString();
        Api.Reply dispatched = admin.header("Idempotency-Key", dispatchKey).post("/allocation/batches/" + batchId + "/dispatch", null);
        assertEquals(dispatched.toString(), 200, dispatched.status());
        assertEquals(200, admin.header("Idempotency-Key", dispatchKey)
                .post("/allocation/batches/" + batchId + "/dispatch", null).status());
        long movementsAfterDispatch = count("tp_inv_movement");
        assertEquals(3_500, inTransitTo(wuhanStore, gloves));
        assertLedgerAgreesWithBalances();

        // Hubei confirms receipt: one line complete, the other 40 short and 10 damaged
        List<Map<String, Object>> receipts = new ArrayList<>();
        JsonNode lines = admin.get("/allocation/batches/" + batchId).json().get("lines");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            long sent = l.get("quantity").asLong();
            receipts.add(i == 0 ? Map.of("lineId", l.get("id").asLong(), "receivedQuantity", sent)
                    : Map.of("lineId", l.get("id").asLong(), "receivedQuantity", sent - 40, "damagedQuantity", 10L));
        }
        String receiptKey = UUID.randomUUID().toString();
        Api.Reply received = hubei.header("Idempotency-Key", receiptKey)
                .post("/allocation/batches/" + batchId + "/receipt", Map.of("lines", receipts));
        assertEquals(received.toString(), 200, received.status());
        long movementsAfterReceipt = count("tp_inv_movement");
        assertEquals(200, hubei.header("Idempotency-Key", receiptKey)
                .post("/allocation/batches/" + batchId + "/receipt", Map.of("lines", receipts)).status());
        assertEquals("a retried receipt counts once", movementsAfterReceipt, count("tp_inv_movement"));
        assertTrue(movementsAfterReceipt > movementsAfterDispatch);
        long shortfall = 50L * (lines.size() - 1); // 40 missing and 10 damaged on every line but the first
        assertEquals(3_500 - shortfall, inventory.available(system, wuhanStore, gloves));
        assertEquals(0, inTransitTo(wuhanStore, gloves));
        assertEquals("FULFILLED", admin.get("/needs/" + stationNeed).json().get("state").asText());
        assertLedgerAgreesWithBalances();

        // mutual aid beyond the depot's available stock is refused when offered (409 naming the shortfall)
        Api.Reply tooMuch = jiangsu.post("/allocation/mutual-aid", Map.of("fromDepotId", jiangsuProv, "itemId", gloves,
                "quantity", 100_000, "toProvinceCode", "42"));
        assertEquals(tooMuch.toString(), 409, tooMuch.status());
        assertTrue(tooMuch.body(), tooMuch.json().get("detail").asText().contains("95,000 short"));
        // mutual aid: Jiangsu offers 1,000 pairs to Hubei; the ministry approves it as a batch
        Api.Reply offer = jiangsu.post("/allocation/mutual-aid", Map.of("fromDepotId", jiangsuProv, "itemId", gloves,
                "quantity", 1_000, "toProvinceCode", "42", "note", "From Jiangsu to Hubei"));
        assertEquals(offer.toString(), 201, offer.status());
        long offerId = offer.json().get("id").asLong();
        assertEquals(403, hubei.post("/allocation/mutual-aid/" + offerId + "/approve", Map.of("toDepotId", hubeiProv)).status());
        Api.Reply aid = admin.post("/allocation/mutual-aid/" + offerId + "/approve", Map.of("toDepotId", hubeiProv));
        assertEquals(aid.toString(), 201, aid.status());
        long aidBatch = aid.json().get("id").asLong();
        assertEquals("Batch 2: mutual aid from Jiangsu to Hubei", aid.json().get("title").asText());
        assertEquals(2, aid.json().get("destinationSequence").asInt());
        assertEquals(4_000, inventory.available(system, jiangsuProv, gloves));
        Api.Reply aidShipment = jiangsu.post("/shipments", Map.of("batchId", aidBatch, "carrierId", "fleet",
                "packages", 5, "weightKg", 50));
        assertEquals(aidShipment.toString(), 201, aidShipment.status());
        EntryPasses.grant(officer, aidShipment.json().path("id").asLong());
        assertEquals(200, admin.post("/allocation/batches/" + aidBatch + "/dispatch", null).status());
        List<Map<String, Object>> aidReceipts = new ArrayList<>();
        for (JsonNode l : admin.get("/allocation/batches/" + aidBatch).json().get("lines")) {
            aidReceipts.add(Map.of("lineId", l.get("id").asLong(), "receivedQuantity", l.get("quantity").asLong()));
        }
        assertEquals(200, hubei.post("/allocation/batches/" + aidBatch + "/receipt", Map.of("lines", aidReceipts)).status());
        assertEquals(1_000, inventory.available(system, hubeiProv, gloves));
        assertLedgerAgreesWithBalances();

        // a depot holding stock cannot be deactivated: the inventory's DepotUsage tells core it is in use;
        // an inactive depot receives nothing (the problem names the field)
        Api.Reply inUse = admin.post("/depots/" + hubeiProv + "/deactivate", Map.of());
        assertEquals(inUse.toString(), 409, inUse.status());
        assertTrue(inUse.toString(), inUse.body().contains("still in use"));
        assertTrue(depots.get(system, hubeiProv).active());
        long spare = depots.create(system, new NewDepot("HB-SPARE-01", "Spare store", wuhan, null), null).id();
        Api.Reply off = admin.post("/depots/" + spare + "/deactivate", Map.of());
        assertEquals(off.toString(), 200, off.status());
        Api.Reply refused = admin.post("/inventory/receipts", Map.of("depotId", spare, "itemId", gloves,
                "quantity", 10, "origin", "DONATION", "sourceDocument", "D-1", "expiryDate", expiry));
        assertEquals(refused.toString(), 400, refused.status());
        assertTrue(refused.toString(), refused.body().contains("depotId"));

        // goods are conserved: received into the system = on hand + lost + damaged
        assertEquals(8_500, sum("SELECT SUM(on_hand) FROM tp_inv_balance WHERE item_id = " + gloves) + shortfall);
    }

    @Test
    public void eightThreadsIssuingAndTransferringTheSameItemsNeverGoNegative() throws Exception {
        Caller system = Caller.system("it-concurrency");
        long hubeiProv = depot("HB-PROV-01");
        long wuhanStore = depot("HB-WH-01");
        long kn95 = catalogue.getByCode(system, "MASK-KN95").id();
        long station = units.getByCode(system, "P42-WUHAN-JIANGAN-T01").id();
        for (int i = 0; i < 3; i++) {
            ledger.receive(system, new NewReceipt(hubeiProv, kn95, 400L, LotOrigin.OPENING_BALANCE, "CONC-" + i,
                    LocalDate.now().plusMonths(12 + i), null), null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                int done = 0;
                int refused = 0;
                for (int i = 0; i < 40; i++) {
                    long qty = 1 + ThreadLocalRandom.current().nextInt(40);
                    try {
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            ledger.issue(system, new NewIssue(hubeiProv, kn95, qty, station, null, "CONC", null), null);
                        } else {
                            ledger.transferOut(system, new NewTransfer(hubeiProv, wuhanStore, kn95, qty, null, "CONC", null),
                                    null);
                        }
                        done++;
                    } catch (ConflictException notEnoughStock) {
                        refused++;
                    }
                }
                return new int[] {done, refused};
            }));
        }
        int done = 0;
        int refused = 0;
        for (Future<int[]> f : results) {
            int[] r = f.get();
            done += r[0];
            refused += r[1];
        }
        pool.shutdown();
        assertTrue("some movements went through: " + done, done > 0);
        assertTrue("stock ran out, so some were refused: " + refused, refused > 0);
        assertEquals(0, sum("SELECT COUNT(*) FROM tp_inv_balance WHERE on_hand < 0 OR reserved < 0"));
        assertLedgerAgreesWithBalances();
    }

    @Test
    public void sameKeyCopiesSentAtOnceGetOneAnswerAndARepeatAfterAChangeGetsTheFirstAnswer() throws Exception {
        Caller system = Caller.system("it-idempotency");
        long from = depot("JS-PROV-01");
        long to = depot("CENTRAL-RESERVE");
        long medprot = catalogue.getByCode(system, "MASK-MEDPROT").id();
        Api admin = api().as("admin");
        // 600 on hand for 50 keys asking 20 each: 30 keys get their transfer, 20 are refused
        receive(admin, from, medprot, 600, LocalDate.now().plusYears(2).toString());
        Map<String, Object> request = Map.of("fromDepotId", from, "toDepotId", to, "itemId", medprot, "quantity", 20);
        int pairs = 50;
        List<String> keys = new ArrayList<>();
        List<Future<Api.Reply>> copies = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < pairs; i++) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                for (int copy = 0; copy < 2; copy++) {
                    copies.add(clients.submit(() -> {
                        together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        // a 503 (the database stayed busy, nothing written, the key released) asks the client
                        // to send the same request again; it must then get the other copy's answer
                        Api.Reply r = admin.header("Idempotency-Key", key).post("/inventory/transfers", request);
                        for (int retry = 1; r.status() == 503 && retry <= 5; retry++) {
                            Thread.sleep(1000L);
                            r = admin.header("Idempotency-Key", key).post("/inventory/transfers", request);
                        }
                        return r;
                    }));
                }
            }
            int created = 0;
            int refused = 0;
            String firstKey = null;
            Api.Reply firstAnswer = null;
            for (int i = 0; i < pairs; i++) {
                Api.Reply a = copies.get(2 * i).get();
                Api.Reply b = copies.get(2 * i + 1).get();
                String why = "pair " + i + ": " + a + " / " + b + " / " + keyRow(keys.get(i));
                assertEquals(why, a.status(), b.status());
                assertEquals(why, a.body(), b.body());
                assertEquals(why, a.location(), b.location());
                if (a.status() == 201) {
                    created++;
                    if (firstKey == null) {
                        firstKey = keys.get(i);
                        firstAnswer = a;
                    }
                } else {
                    assertEquals(a.toString(), 409, a.status());
                    assertTrue(a.toString(), a.body().contains("Not enough available stock"));
                    refused++;
                }
            }
            assertEquals(30, created);
            assertEquals(20, refused);
            assertEquals("one transfer per key that answered 201", created,
                    sum("SELECT COUNT(*) FROM tp_inv_transfer WHERE item_id = " + medprot));
            assertLedgerAgreesWithBalances();

            // the transfer is then received; a repeat of its key still answers the first answer, marked replayed
            long transferId = firstAnswer.json().get("id").asLong();
            assertEquals(200, admin.post("/inventory/transfers/" + transferId + "/receipt",
                    Map.of("receivedQuantity", 20)).status());
            assertEquals("RECEIVED", admin.get("/inventory/transfers/" + transferId).json().get("status").asText());
            // a transfer within this node is no cross-node transfer (those need federation: docs/federation.md)
            Api.Reply crossNode = admin.get("/inventory/transfers/cross-node?status=IN_TRANSIT");
            assertEquals(crossNode.toString(), 200, crossNode.status());
            assertEquals(0, crossNode.json().get("items").size());
            java.net.http.HttpResponse<String> replay = postRaw("/inventory/transfers", firstKey, request);
            assertEquals(201, replay.statusCode());
            assertEquals(firstAnswer.body(), replay.body());
            assertEquals("IN_TRANSIT", firstAnswer.json().get("status").asText());
            assertEquals(firstAnswer.location(), replay.headers().firstValue("Location").orElse(null));
            assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));
            assertNotNull(replay.headers().firstValue("X-Request-Id").orElse(null));
            // the same key with another request is a conflict, not a replay
            assertEquals(409, admin.header("Idempotency-Key", firstKey).post("/inventory/transfers",
                    Map.of("fromDepotId", from, "toDepotId", to, "itemId", medprot, "quantity", 21)).status());
            // keys are per user: another user's same key is a new request of its own
            Api.Reply officers = api().as("officer").header("Idempotency-Key", firstKey)
                    .post("/inventory/transfers", request);
            assertEquals(officers.toString(), 409, officers.status());
            assertTrue(officers.toString(), officers.body().contains("Not enough available stock"));
        } finally {
            clients.shutdownNow();
        }
    }

    /** The key's record, for a failure message. */
    private String keyRow(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, failure_kind, answer_status FROM tp_idempotency "
                     + "WHERE idem_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? "key " + rs.getString(1) + " " + rs.getString(2) + ", answer " + rs.getString(3)
                        : "no key record";
            }
        }
    }

    /** A POST as admin with an Idempotency-Key, answering the whole HTTP response (headers included). */
    private java.net.http.HttpResponse<String> postRaw(String path, String key, Object body) throws Exception {
        String token = java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + Integer.getInteger("tongpao.http.port") + "/api/v1" + path))
                .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- helpers

    private void receive(Api as, long depot, long item, long quantity, String expiry) {
        Api.Reply r = as.post("/inventory/receipts", Map.of("depotId", depot, "itemId", item, "quantity", quantity,
                "origin", "PURCHASE_ORDER", "sourceDocument", "PO-" + depot + "-" + quantity, "expiryDate", expiry));
        assertEquals(r.toString(), 201, r.status());
    }

    private long need(Api as, long unit, long item, long quantity, String urgency, long receivingDepot) {
        Api.Reply r = as.post("/needs", Map.of("orgUnitId", unit, "itemId", item, "quantity", quantity,
                "urgency", urgency, "justification", "front-line officers on duty", "receivingDepotId", receivingDepot));
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asLong();
    }

    private long inTransitTo(long depot, long item) throws SQLException {
        return sum("SELECT SUM(quantity) FROM tp_inv_transfer WHERE transfer_status = 'IN_TRANSIT' AND to_depot_id = "
                + depot + " AND item_id = " + item);
    }

    /** Every lot's on-hand equals the sum of its ledger rows, and nothing is negative. */
    private void assertLedgerAgreesWithBalances() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT b.lot_id, b.on_hand, "
                     + "(SELECT COALESCE(SUM(m.quantity), 0) FROM tp_inv_movement m WHERE m.lot_id = b.lot_id) "
                     + "FROM tp_inv_balance b");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                assertTrue("negative balance in lot " + rs.getLong(1), rs.getLong(2) >= 0);
                assertEquals("lot " + rs.getLong(1) + ": balance vs ledger", rs.getLong(3), rs.getLong(2));
            }
        }
    }

    private static JsonNode province(JsonNode array, String code) {
        for (JsonNode n : array) {
            if (code.equals(n.get("provinceCode").asText())) {
                return n;
            }
        }
        throw new AssertionError(code + " not in " + array);
    }

    private static JsonNode byRank(JsonNode needs, int rank) {
        for (JsonNode n : needs) {
            if (n.get("rank").asInt() == rank) {
                return n;
            }
        }
        throw new AssertionError("no rank " + rank + " in " + needs);
    }
}
