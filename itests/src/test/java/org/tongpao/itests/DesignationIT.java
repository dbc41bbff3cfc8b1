package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.inventory.Destination;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotTrace;
import org.tongpao.inventory.Provenance;
import org.tongpao.inventory.StockLedger;

/**
 * Designated stock and lot traceability (issue 14) in the central install: medicines donated for Hubei are received
 * at the central reserve; a transfer to Jiangsu is refused naming the donor's designation; a ministry-admin's
 * override with a reason goes through, audited, announced and in the lot's trace; an allocation batch delivers the
 * rest to a Wuhan front-line team; the trace from the lot reaches the team and the team's receipts lead back to
 * the donation — over REST and through the OSGi services.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DesignationIT extends CentralNode {

    @Inject
    StockLedger ledger;

    @Inject
    InventoryService inventory;

    @Before
    public void restServerHasMountedTheCapabilities() {
        Poll.status("/inventory/lots", 401, () -> api().get("/inventory/lots"));
        Poll.status("/allocation/batches", 401, () -> api().get("/allocation/batches"));
    }

    @Test
    public void donatedStockStaysInItsProvinceUnlessOverriddenAndIsTracedToTheFrontLine() {
        Caller system = Caller.system("it");
        long central = depot("CENTRAL-RESERVE");
        long jiangsuStore = depot("JS-PROV-01");
        long medicine = catalogue.getByCode(system, "MEDICINE-GENERAL").id();
        long station = units.getByCode(system, "P42-WUHAN-JIANGAN-T01").id();
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        Api jiangsu = api().as("jiangsu");

        // the donation arrives at the central reserve, designated by the donor for Hubei
        Map<String, Object> receipt = Map.of("depotId", central, "itemId", medicine, "quantity", 500, "origin",
                "DONATION", "sourceDocument", "DON-IT-0042", "expiryDate", LocalDate.now().plusYears(1).toString(),
                "designation", Map.of("kind", "PROVINCE", "provinceCode", "42"));
        assertField(admin.post("/inventory/receipts", Map.of("depotId", central, "itemId", medicine, "quantity", 1,
                "origin", "DONATION", "sourceDocument", "DON-IT-BAD", "expiryDate",
                LocalDate.now().plusYears(1).toString(), "designation", Map.of("kind", "PROVINCE",
                        "provinceCode", "99"))), 400, "designation.provinceCode");
        Api.Reply received = admin.header("Idempotency-Key", "don-it-0042").post("/inventory/receipts", receipt);
        assertEquals(received.toString(), 201, received.status());
        long lot = received.json().get("id").asLong();
        assertEquals("Hubei", received.json().get("designation").get("label").asText());
        assertEquals(LotOrigin.DONATION, ledger.lot(system, lot).origin());

        // to Jiangsu: refused naming the designation, nothing moves — the named lot and first-expiry picking alike
        Api.Reply refused = admin.post("/inventory/transfers", Map.of("fromDepotId", central, "toDepotId",
                jiangsuStore, "itemId", medicine, "quantity", 50, "lotId", lot));
        assertField(refused, 409, "lotId");
        assertTrue(refused.toString(), refused.json().get("detail").asText()
                .contains("designated by the donor for province 42 (Hubei)"));
        assertField(admin.post("/inventory/transfers", Map.of("fromDepotId", central, "toDepotId", jiangsuStore,
                "itemId", medicine, "quantity", 50)), 409, "toDepotId");
        assertEquals(500, sum("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + lot));
        assertEquals(0, inventory.available(system, central, medicine, Destination.depot(jiangsuStore)));

        // the override: not for a ministry officer, not without a real reason; a ministry-admin's is recorded
        String reason = "Nanjing outbreak; Hubei agreed to lend 50 boxes";
        Map<String, Object> lend = Map.of("fromDepotId", central, "toDepotId", jiangsuStore, "itemId", medicine,
                "quantity", 50, "lotId", lot, "overrideReason", reason);
        assertEquals(403, officer.post("/inventory/transfers", lend).status());
        assertField(admin.post("/inventory/transfers", Map.of("fromDepotId", central, "toDepotId", jiangsuStore,
                "itemId", medicine, "quantity", 50, "lotId", lot, "overrideReason", "urgent")), 400, "overrideReason");
        Api.Reply lent = admin.header("Idempotency-Key", "lend-it-1").post("/inventory/transfers", lend);
        assertEquals(lent.toString(), 201, lent.status());
        long lentTransfer = lent.json().get("id").asLong();
        assertEquals(lentTransfer, admin.header("Idempotency-Key", "lend-it-1").post("/inventory/transfers", lend)
                .json().get("id").asLong());
        assertEquals(450, sum("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + lot));
        assertEquals(1, count("tp_audit WHERE entity = 'lot' AND entity_id = '" + lot
                + "' AND action = 'DESIGNATION_OVERRIDE' AND actor = 'admin'"));
        assertEquals(1, count("tp_inv_designation_override WHERE lot_id = " + lot + " AND transfer_id = "
                + lentTransfer));
        // recorded in the transfer's own transaction (the outbox posts it after commit and may purge it later)
        assertEquals(1, count("tp_event_outbox WHERE topic = 'org/tongpao/inventory/DESIGNATION_OVERRIDDEN'"));

        // a batch to Hubei: the front-line team's need, planned from the central reserve, approved, delivered
        Api.Reply need = hubei.post("/needs", Map.of("orgUnitId", station, "itemId", medicine, "quantity", 120,
                "urgency", "IMMEDIATE", "justification", "front-line team out of medicine", "deliverToUnit", true));
        assertEquals(need.toString(), 201, need.status());
        Api.Reply plan = officer.post("/allocation/plans", Map.of("itemId", medicine, "provinceCode", "42",
                "sourceDepotIds", List.of(central)));
        assertEquals(plan.toString(), 201, plan.status());
        JsonNode planLines = plan.json().get("lines");
        assertEquals(plan.toString(), 1, planLines.size());
        assertEquals(plan.toString(), 120, planLines.get(0).get("quantity").asLong());
        Api.Reply approved = admin.post("/allocation/plans/" + plan.json().get("id").asLong() + "/approve", null);
        assertEquals(approved.toString(), 201, approved.status());
        long batch = approved.json().get("id").asLong();
        String batchNumber = approved.json().get("number").asText();
        Api.Reply dispatched = officer.post("/allocation/batches/" + batch + "/dispatch", null);
        assertEquals(dispatched.toString(), 200, dispatched.status());
        JsonNode line = dispatched.json().get("lines").get(0);
        long delivery = line.get("transferId").asLong();
        Api.Reply pod = hubei.post("/allocation/batches/" + batch + "/lines/" + line.get("id").asLong() + "/receipt",
                Map.of("receivedQuantity", 120, "damagedQuantity", 0));
        assertEquals(pod.toString(), 200, pod.status());

        // the trace over REST: the team received 120, the override and both transfers are there
        Api.Reply traced = admin.get("/inventory/lots/" + lot + "/trace");
        assertEquals(traced.toString(), 200, traced.status());
        JsonNode trace = traced.json();
        JsonNode receivers = trace.get("receivers");
        assertEquals(trace.toString(), 1, receivers.size());
        assertEquals(station, receivers.get(0).get("orgUnitId").asLong());
        assertEquals(120, receivers.get(0).get("quantity").asLong());
        assertEquals("STATION", receivers.get(0).get("level").asText());
        assertTrue(receivers.get(0).get("frontLine").asBoolean());
        assertEquals(reason, trace.get("overrides").get(0).get("reason").asText());
        JsonNode transfers = trace.get("transfers");
        assertEquals(trace.toString(), 2, transfers.size());
        assertEquals(lentTransfer, transfers.get(0).get("id").asLong());
        assertEquals(delivery, transfers.get(1).get("id").asLong());
        assertEquals("allocation-batch:" + batch + " " + batchNumber, transfers.get(1).get("sourceDocument").asText());
        // scope as for lots: the central reserve's lot is the ministry's
        assertEquals(404, hubei.get("/inventory/lots/" + lot + "/trace").status());

        // the reverse: from the team back to the donation, within Hubei only
        Api.Reply back = hubei.get("/inventory/units/" + station + "/received");
        assertEquals(back.toString(), 200, back.status());
        JsonNode first = back.json().get("items").get(0);
        assertEquals(lot, first.get("rootLotId").asLong());
        assertEquals("DONATION", first.get("origin").asText());
        assertEquals("DON-IT-0042", first.get("sourceDocument").asText());
        assertEquals("42", first.get("designation").get("provinceCode").asText());
        assertEquals(404, jiangsu.get("/inventory/units/" + station + "/received").status());
        Api.Reply origins = hubei.get("/inventory/transfers/" + delivery + "/origins");
        assertEquals(origins.toString(), 200, origins.status());
        assertEquals(lot, origins.json().get("items").get(0).get("rootLotId").asLong());

        // the same through the OSGi service, as the donation bundle reads it
        LotTrace viaService = ledger.trace(system, lot);
        assertEquals(120, viaService.receivers().get(0).quantity());
        assertEquals(1, viaService.overrides().size());
        Page<Provenance> reverse = ledger.receivedBy(system, station, 50, null);
        assertTrue(reverse.items().stream().anyMatch(p -> p.rootLotId() == lot
                && p.origin() == LotOrigin.DONATION && Long.valueOf(delivery).equals(p.movement().transferId())));
        assertEquals(330, sum("SELECT on_hand FROM tp_inv_balance WHERE lot_id = " + lot));
    }

    private static void assertField(Api.Reply r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        assertTrue(r.toString(), r.contentType().startsWith("application/problem+json"));
        assertEquals(r.toString(), field, r.json().get("field").asText());
    }
}
