package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;

/**
 * Procurement in the central install (tongpao-procurement with tongpao-funding and the inventory): a domestic
 * emergency order approved by one person with a justification, delivered in two parts with a carton rejected, its
 * accepted goods lots with expiry and origin; an exhausted budget line refusing an approval with nothing
 * committed; a province seeing only its own orders and budget lines.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcurementIT extends CentralNode {

    @Inject
    SessionFactory sessions;

    @Before
    public void restServerHasMountedProcurement() {
        Poll.status("/procurement/orders", 401, () -> api().get("/procurement/orders"));
        Poll.status("/funding/budget-lines", 401, () -> api().get("/funding/budget-lines"));
    }

    private long item(String code) {
        return catalogue.getByCode(Caller.system("it"), code).id();
    }

    private static long created(Api.Reply r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().path("id").asLong();
    }

    private static void assertField(Api.Reply r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        assertEquals(r.toString(), field, r.json().path("field").asText());
    }

    private static long budgetLine(String code, String holder, String amount) {
        return created(api().as("finance").post("/funding/budget-lines", Map.of("code", code, "name", code,
                "source", holder.equals("MINISTRY") ? "SPECIAL_EPIDEMIC_FUND" : "PROVINCIAL_BUDGET", "holder", holder,
                "amount", new BigDecimal(amount))));
    }

    private long supplier(Api buyer, String code) {
        return created(buyer.post("/procurement/suppliers", Map.of("code", code, "name", "Wuhan mask works " + code,
                "country", "CN", "contact", Map.of("name", "Li Na", "phone", "+86 27 0000 0000"),
                "qualifications", List.of(Map.of("itemId", item("MASK-MEDPROT"), "standard", "GB 19083-2010",
                        "weeklyCapacity", 50_000, "leadTimeDays", 2, "certificate", "CERT-" + code)))));
    }

    private Map<String, Object> order(long supplier, String depot, long line, long quantity, boolean emergency) {
        Map<String, Object> body = new HashMap<>(Map.of("supplierId", supplier, "depotId", depot(depot),
                "budgetLineId", line, "currency", "CNY", "emergency", emergency, "lines", List.of(Map.of("itemId",
                        item("MASK-MEDPROT"), "quantity", quantity, "unitPrice", new BigDecimal("2.50"),
                        "promisedDate", LocalDate.now().plusDays(3).toString()))));
        return body;
    }

    private static Map<String, Object> delivery(long orderLine, long accepted, long rejected, String reason) {
        Map<String, Object> line = new HashMap<>(Map.of("orderLineId", orderLine, "acceptedQuantity", accepted,
                "rejectedQuantity", rejected, "standard", "GB 19083-2010", "certificateNumber", "CERT-2026-0042",
                "productionBatch", "B20260201", "expiryDate", LocalDate.now().plusYears(3).toString()));
        if (reason != null) {
            line.put("rejectReason", reason);
        }
        return Map.of("deliveryNote", "DN-" + accepted, "lines", List.of(line));
    }

    @Test
    public void anEmergencyOrderApprovedByOneIsDeliveredInTwoPartsIntoLotsWithExpiryAndOrigin() throws Exception {
        Api buyer = api().as("buyer");
        Api keeper = api().as("keeper");
        long line = budgetLine("SEF-PIT", "MINISTRY", "100000");
        long supplier = supplier(buyer, "WMW-01");
        JsonNode s = buyer.get("/procurement/suppliers/" + supplier).json();
        assertEquals("Li Na", s.path("contact").path("name").asText());
        assertTrue(api().as("auditor").get("/procurement/suppliers/" + supplier).json().path("contact").isNull());
        assertEquals(1, buyer.get("/procurement/suppliers?item=" + item("MASK-MEDPROT")).json().path("items").size());

        assertField(buyer.post("/procurement/orders", Map.of("supplierId", supplier, "depotId", depot("HB-WH-01"),
                "budgetLineId", line, "currency", "XXX", "lines", List.of())), 400, "currency");
        Api.Reply draft = buyer.header("Idempotency-Key", "pit-order-1").post("/procurement/orders",
                order(supplier, "HB-WH-01", line, 1_000, true));
        long id = created(draft);
        assertEquals("DRAFT", draft.json().path("status").asText());
        assertEquals(0, new BigDecimal("2500.00").compareTo(draft.json().path("totalCny").decimalValue()));
        long orderLine = draft.json().path("lines").get(0).path("id").asLong();
        assertEquals("SUBMITTED", buyer.post("/procurement/orders/" + id + "/submit", null).json().path("status")
                .asText());
        assertField(buyer.post("/procurement/orders/" + id + "/approve", null), 400, "justification");
        Api.Reply approved = buyer.post("/procurement/orders/" + id + "/approve", Map.of("justification",
                "Wuhan hospitals run out of protective masks within two days; single source, expedited"));
        assertEquals(approved.toString(), 200, approved.status());
        assertEquals("APPROVED", approved.json().path("status").asText());
        assertEquals("buyer", approved.json().path("approvals").get(0).path("approver").asText());
        assertTrue(approved.json().path("approvals").get(0).path("emergency").asBoolean());
        JsonNode budget = api().as("finance").get("/funding/budget-lines/" + line).json();
        assertEquals(0, new BigDecimal("2500.00").compareTo(budget.path("committed").decimalValue()));
        assertEquals("PLACED", buyer.post("/procurement/orders/" + id + "/place", null).json().path("status")
                .asText());

        // the buyer does not receive goods: that is a stock write at the depot (its keeper)
        assertEquals(403, buyer.post("/procurement/orders/" + id + "/receipts", delivery(orderLine, 1, 0, null))
                .status());
        Api.Reply first = keeper.header("Idempotency-Key", "pit-receipt-1").post("/procurement/orders/" + id
                + "/receipts", delivery(orderLine, 600, 0, null));
        assertEquals(first.toString(), 201, first.status());
        assertEquals("PARTIALLY_RECEIVED", first.json().path("orderStatus").asText());
        Api.Reply again = keeper.header("Idempotency-Key", "pit-receipt-1").post("/procurement/orders/" + id
                + "/receipts", delivery(orderLine, 600, 0, null));
        assertEquals(first.json().path("id").asLong(), again.json().path("id").asLong());
        assertField(keeper.post("/procurement/orders/" + id + "/receipts", delivery(orderLine, 350, 50, null)), 400,
                "lines[0].rejectReason");
        Api.Reply second = keeper.post("/procurement/orders/" + id + "/receipts", delivery(orderLine, 350, 50,
                "one carton wet and torn"));
        assertEquals(second.toString(), 201, second.status());
        assertEquals("RECEIVED", second.json().path("orderStatus").asText());

        JsonNode lots = api().as("admin").get("/inventory/lots?depot=" + depot("HB-WH-01") + "&item="
                + item("MASK-MEDPROT")).json().path("items");
        int fromOrder = 0;
        String number = draft.json().path("number").asText();
        for (JsonNode lot : lots) {
            if ((number + "/1").equals(lot.path("sourceDocument").asText())) {
                fromOrder++;
                assertEquals("PURCHASE_ORDER", lot.path("origin").asText());
                assertEquals(LocalDate.now().plusYears(3).toString(), lot.path("expiryDate").asText());
            }
        }
        assertEquals(lots.toString(), 2, fromOrder);
        JsonNode receipts = buyer.get("/procurement/orders/" + id + "/receipts").json().path("items");
        assertEquals(2, receipts.size());
        assertEquals("one carton wet and torn", receipts.get(1).path("lines").get(0).path("rejectReason").asText());
        budget = api().as("finance").get("/funding/budget-lines/" + line).json();
        assertEquals(0, new BigDecimal("2375.00").compareTo(budget.path("spent").decimalValue()));
        assertEquals(0, budget.path("committed").decimalValue().signum());
        JsonNode performance = buyer.get("/procurement/suppliers/" + supplier).json().path("performance");
        assertEquals(2, performance.path("deliveries").asLong());
        assertEquals(50, performance.path("rejected").asLong());
        assertEquals(0, buyer.get("/procurement/orders/" + id + "/progress").json().path("items").size());
        assertTrue(Console.run(sessions, "tongpao:purchase-orders").contains(number));
        assertTrue(Console.run(sessions, "tongpao:suppliers").contains("WMW-01"));
    }

    @Test
    public void anExhaustedBudgetLineRefusesTheSecondApprovalAndNothingIsCommitted() {
        Api buyer = api().as("buyer");
        long line = budgetLine("SEF-PIT-SMALL", "MINISTRY", "1000");
        long supplier = supplier(buyer, "WMW-02");
        long id = created(buyer.post("/procurement/orders", order(supplier, "CENTRAL-RESERVE", line, 1_000, false)));
        buyer.post("/procurement/orders/" + id + "/submit", null);
        assertEquals("SUBMITTED", buyer.post("/procurement/orders/" + id + "/approve", null).json().path("status")
                .asText());
        assertField(buyer.post("/procurement/orders/" + id + "/approve", null), 409, "approver");

        Api.Reply refused = api().as("buyer2").post("/procurement/orders/" + id + "/approve", null);

        assertField(refused, 409, "amount");
        JsonNode after = buyer.get("/procurement/orders/" + id).json();
        assertEquals("SUBMITTED", after.path("status").asText());
        assertEquals(1, after.path("approvals").size());
        assertEquals(0, api().as("finance").get("/funding/budget-lines/" + line).json().path("committed")
                .decimalValue().signum());
        assertEquals(0, count("tp_fund_commitment WHERE line_id = " + line));
        Api.Reply cancelled = buyer.post("/procurement/orders/" + id + "/cancel", Map.of("reason", "budget exhausted"));
        assertEquals(cancelled.toString(), "CANCELLED", cancelled.json().path("status").asText());
        Api.Reply capacity = buyer.get("/procurement/capacity?item=" + item("MASK-MEDPROT") + "&by="
                + LocalDate.now().plusDays(9));
        assertEquals(capacity.toString(), 200, capacity.status());
        assertTrue(capacity.toString(), capacity.json().path("items").size() >= 1);
    }

    @Test
    public void aProvinceSeesOnlyItsOwnOrdersAndBudgetLines() {
        Api hubeiBuyer = api().as("hubei-buyer");
        long hubeiLine = budgetLine("HB-PIT", "42", "50000");
        long jiangsuLine = budgetLine("JS-PIT", "32", "50000");
        long supplier = supplier(api().as("buyer"), "WMW-03");
        assertField(hubeiBuyer.post("/procurement/orders", order(supplier, "HB-WH-01", jiangsuLine, 10, false)), 404,
                "budgetLineId");
        assertField(hubeiBuyer.post("/procurement/orders", order(supplier, "JS-PROV-01", hubeiLine, 10, false)), 404,
                "depotId");
        long hubeiOrder = created(hubeiBuyer.post("/procurement/orders", order(supplier, "HB-WH-01", hubeiLine, 10,
                false)));
        long jiangsuOrder = created(api().as("jiangsu-buyer").post("/procurement/orders", order(supplier,
                "JS-PROV-01", jiangsuLine, 10, false)));

        assertEquals(404, hubeiBuyer.get("/procurement/orders/" + jiangsuOrder).status());
        assertEquals(404, api().as("hubei").get("/procurement/orders/" + jiangsuOrder).status());
        assertEquals(404, hubeiBuyer.post("/procurement/orders/" + jiangsuOrder + "/submit", null).status());
        for (String user : List.of("hubei-buyer", "hubei")) {
            JsonNode orders = api().as(user).get("/procurement/orders").json().path("items");
            for (JsonNode o : orders) {
                assertEquals(user + " sees " + o, "42", o.path("provinceCode").asText());
            }
            assertTrue(orders.toString().contains("\"id\":" + hubeiOrder));
        }
        JsonNode lines = api().as("hubei").get("/funding/budget-lines").json().path("items");
        for (JsonNode l : lines) {
            assertEquals("hubei sees " + l, "42", l.path("holder").asText());
        }
        assertEquals(404, api().as("hubei").get("/funding/budget-lines/" + jiangsuLine).status());
    }
}
