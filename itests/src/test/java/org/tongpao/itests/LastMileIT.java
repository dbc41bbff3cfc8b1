package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;

/**
 * The last mile (issue 12), over REST in the central install: an allocation batch delivered straight to a Wuhan
 * front-line station that has no depot. The station's needs are planned to the unit itself, the batch's lines are
 * booked and dispatched as one shipment to the unit, and its proof of delivery at the station issues the goods to
 * the unit from the sending depot's ledger in the same transaction as the shipment's receipt: one need fulfilled,
 * the other short (a LOSS at the sending depot, the rest back open), and the national report counts what reached
 * the front line.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LastMileIT extends CentralNode {

    @Before
    public void restServerHasMountedTheCapabilities() {
        Poll.status("/shipments", 401, () -> api().get("/shipments"));
        Poll.status("/needs", 401, () -> api().get("/needs"));
    }

    @Test
    public void aBatchLineIsDeliveredStraightToAWuhanFrontLineStation() {
        Caller system = Caller.system("it");
        long hubeiStore = depot("HB-PROV-01");
        long kn95 = catalogue.getByCode(system, "MASK-KN95").id();
        long station = units.getByCode(system, "P42-WUHAN-JIANGAN-T01").id();
        long nanjing = units.getByCode(system, "P32-NANJING").id();
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        Api jiangsu = api().as("jiangsu");

        assertEquals(201, admin.post("/inventory/receipts", Map.of("depotId", hubeiStore, "itemId", kn95, "quantity",
                1_000, "origin", "PURCHASE_ORDER", "sourceDocument", "PO-LM-1", "expiryDate",
                LocalDate.now().plusYears(2).toString())).status());

        // the station asks for delivery to itself (it has no depot); not together with a receiving depot
        assertField(hubei.post("/needs", need(station, kn95, 300, Map.of("deliverToUnit", true,
                "receivingDepotId", hubeiStore))), 400, "deliverToUnit");
        long full = created(hubei.post("/needs", need(station, kn95, 300, Map.of("deliverToUnit", true))));
        long shortNeed = created(hubei.post("/needs", need(station, kn95, 100, Map.of("deliverToUnit", true,
                "urgency", "H72"))));
        assertTrue(hubei.get("/needs/" + full).json().get("deliverToUnit").asBoolean());

        // planned and approved: both lines go to the unit, none to a depot
        Api.Reply plan = officer.post("/allocation/plans", Map.of("itemId", kn95, "provinceCode", "42",
                "sourceDepotIds", List.of(hubeiStore)));
        assertEquals(plan.toString(), 201, plan.status());
        JsonNode planLines = plan.json().get("lines");
        assertEquals(plan.toString(), 2, planLines.size());
        planLines.forEach(l -> assertEquals(l.toString(), station, l.get("toOrgUnitId").asLong()));
        Api.Reply approved = admin.post("/allocation/plans/" + plan.json().get("id").asLong() + "/approve", null);
        assertEquals(approved.toString(), 201, approved.status());
        long batchId = approved.json().get("id").asLong();
        Map<Long, Long> lineOfNeed = new HashMap<>();
        approved.json().get("lines").forEach(l -> {
            assertEquals(l.toString(), station, l.get("toOrgUnitId").asLong());
            lineOfNeed.put(l.get("needId").asLong(), l.get("id").asLong());
        });

        // the shipment: to the unit (both ends refused; another province's unit is an unknown one)
        assertField(hubei.post("/shipments", Map.of("batchId", batchId, "toDepotId", hubeiStore, "toOrgUnitId", station,
                "carrierId", "fleet", "packages", 8, "weightKg", 120)), 400, "toOrgUnitId");
        assertField(jiangsu.post("/shipments", Map.of("fromDepotId", depot("JS-PROV-01"), "toOrgUnitId", station,
                "carrierId", "fleet", "packages", 1, "weightKg", 1)), 404, "toOrgUnitId");
        assertField(hubei.post("/shipments", Map.of("fromDepotId", hubeiStore, "toOrgUnitId", nanjing,
                "carrierId", "fleet", "packages", 1, "weightKg", 1)), 404, "toOrgUnitId");
        // carriers quote a delivery to the unit itself (transport 1.4; the carrier SPI 1.2 tells them it is a unit)
        assertField(hubei.post("/carriers/quotes", Map.of("fromDepotId", hubeiStore, "toOrgUnitId", station,
                "toDepotId", hubeiStore, "packages", 8, "weightKg", 120)), 400, "toOrgUnitId");
        assertField(hubei.post("/carriers/quotes", Map.of("fromDepotId", hubeiStore, "toOrgUnitId", nanjing,
                "packages", 8, "weightKg", 120)), 404, "toOrgUnitId");
        Api.Reply quotes = hubei.post("/carriers/quotes", Map.of("fromDepotId", hubeiStore, "toOrgUnitId", station,
                "packages", 8, "weightKg", 120));
        assertEquals(quotes.toString(), 200, quotes.status());
        boolean fleetQuoted = false;
        for (JsonNode q : quotes.json().get("items")) {
            fleetQuoted |= "fleet".equals(q.path("carrierId").asText()) && !q.path("quote").isNull();
        }
        assertTrue(quotes.toString(), fleetQuoted);

        // Wuhan becomes a key area: the goods wait for an entry pass a checkpoint can verify, whichever way they
        // would leave (the batch's own dispatch, or the shipment's), and nothing moves meanwhile
        long wuhan = units.getByCode(system, "P42-WUHAN").id();
        assertEquals(201, admin.post("/needs/key-areas", Map.of("orgUnitId", wuhan, "label", "Wuhan")).status());
        assertField(admin.post("/allocation/batches/" + batchId + "/dispatch", null), 409, "passes");
        Api.Reply booked = hubei.post("/shipments", Map.of("batchId", batchId, "toOrgUnitId", station,
                "carrierId", "fleet", "packages", 8, "weightKg", 120));
        assertEquals(booked.toString(), 201, booked.status());
        JsonNode s = booked.json();
        long id = s.get("id").asLong();
        assertEquals(s.toString(), station, s.get("toOrgUnitId").asLong());
        assertEquals("P42-WUHAN-JIANGAN-T01", s.get("toOrgUnitCode").asText());
        assertEquals("42", s.get("toProvinceCode").asText());
        assertEquals(0, s.get("toDepotId").asLong());

        assertTrue(s.toString(), s.get("keyArea").asBoolean());
        assertField(hubei.post("/shipments/" + id + "/dispatch", null), 409, "passes");
        assertEquals(0, sum("SELECT COUNT(*) FROM tp_inv_transfer WHERE to_org_unit_id = " + station));
        EntryPasses.grant(officer, id);

        // dispatched: the goods are in transit to the unit, from the Hubei store's stock
        Api.Reply dispatched = hubei.post("/shipments/" + id + "/dispatch", null);
        assertEquals(dispatched.toString(), 200, dispatched.status());
        assertEquals(400, sum("SELECT SUM(quantity) FROM tp_inv_transfer WHERE transfer_status = 'IN_TRANSIT' "
                + "AND to_org_unit_id = " + station));
        assertEquals(0, count("tp_inv_transfer WHERE to_depot_id IS NULL AND to_org_unit_id IS NULL"));

        // proof of delivery at the station: only its province confirms it
        assertEquals(404, jiangsu.post("/shipments/" + id + "/receive", null).status());
        Map<String, Object> fullLine = Map.of("lineId", lineOfNeed.get(full), "receivedQuantity", 300,
                "damagedQuantity", 0);
        Map<String, Object> shortLine = Map.of("lineId", lineOfNeed.get(shortNeed), "receivedQuantity", 90,
                "damagedQuantity", 5, "note", "one carton missing, one crushed");
        Api.Reply pod = hubei.header("Idempotency-Key", "pod-lm-1").post("/shipments/" + id + "/receive",
                Map.of("lines", List.of(fullLine, shortLine)));
        assertEquals(pod.toString(), 200, pod.status());
        assertEquals("RECEIVED", pod.json().get("status").asText());
        assertEquals("hubei", pod.json().get("proofOfDelivery").get("receivedBy").asText());
        assertEquals("RECEIVED", admin.get("/allocation/batches/" + batchId).json().get("status").asText());

        // the ledger: issued to the unit from the Hubei store; the shortfall a LOSS, the damage written off there
        JsonNode ledger = admin.get("/inventory/movements?depot=" + hubeiStore + "&limit=100").json().get("items");
        long issued = 0;
        long lost = 0;
        long damaged = 0;
        for (JsonNode m : ledger) {
            if (m.path("orgUnitId").asLong() != station) {
                continue;
            }
            switch (m.get("type").asText()) {
                case "ISSUE" -> issued -= m.get("quantity").asLong();
                case "ADJUSTMENT" -> lost -= m.get("quantity").asLong();
                case "WRITE_OFF" -> damaged -= m.get("quantity").asLong();
                default -> { }
            }
        }
        assertEquals(ledger.toString(), 385, issued);
        assertEquals(ledger.toString(), 10, lost);
        assertEquals(ledger.toString(), 5, damaged);
        assertEquals(0, count("tp_inv_lot WHERE origin = 'TRANSFER'"));
        assertEquals(600, sum("SELECT SUM(on_hand) FROM tp_inv_balance WHERE depot_id = " + hubeiStore));

        // the needs: one fulfilled by the delivery, the other 15 short and open again for them
        JsonNode fulfilled = hubei.get("/needs/" + full).json();
        assertEquals(fulfilled.toString(), "FULFILLED", fulfilled.get("state").asText());
        assertEquals(300, fulfilled.get("received").asLong());
        JsonNode partly = hubei.get("/needs/" + shortNeed).json();
        assertEquals(partly.toString(), 85, partly.get("received").asLong());
        assertEquals(partly.toString(), 85, partly.get("allocated").asLong());

        // the national report: what reached Hubei's front line
        JsonNode national = hubei.get("/inventory/national?category=MASK").json().get("items");
        JsonNode row = null;
        for (JsonNode r : national) {
            if ("42".equals(r.get("provinceCode").asText())) {
                row = r;
            }
        }
        assertEquals(national.toString(), 385, row.get("deliveredToFrontLine").asLong());

        // a repeat of the proof of delivery changes nothing
        assertEquals(200, hubei.header("Idempotency-Key", "pod-lm-1").post("/shipments/" + id + "/receive",
                Map.of("lines", List.of(fullLine, shortLine))).status());
        assertEquals(385, -sum("SELECT SUM(quantity) FROM tp_inv_movement WHERE movement_type = 'ISSUE' "
                + "AND org_unit_id = " + station));
    }

    private static Map<String, Object> need(long unit, long item, long quantity, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("orgUnitId", unit, "itemId", item, "quantity", quantity,
                "urgency", "IMMEDIATE", "justification", "front-line checkpoint duty"));
        body.putAll(extra);
        return body;
    }

    private static long created(Api.Reply r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asLong();
    }

    private static void assertField(Api.Reply r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        assertTrue(r.toString(), r.contentType().startsWith("application/problem+json"));
        assertEquals(r.toString(), field, r.json().get("field").asText());
    }
}
