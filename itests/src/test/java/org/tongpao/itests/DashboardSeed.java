package org.tongpao.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard tests put on a node through the REST API alone (the browser test has no OSGi services): stock
 * in Hubei's provincial store, a Hubei need, and a plan for it that waits for a second person's approval.
 */
final class DashboardSeed {
    final long hubeiStore;
    final long kn95;
    final long planId;

    private DashboardSeed(long hubeiStore, long kn95, long planId) {
        this.hubeiStore = hubeiStore;
        this.kn95 = kn95;
        this.planId = planId;
    }

    /**
     * Seeds a plan of {@code quantity} KN95 masks for Wuhan, proposed by the ministry officer; the store receives 300
     * more than that, so Hubei still has stock on the map once the plan's goods are on their way.
     */
    static DashboardSeed plan(Api api, String document, long quantity) {
        Api admin = api.as("admin");
        long store = exact(admin.get("/depots?q=HB-PROV-01").json(), "HB-PROV-01");
        long wuhanStore = exact(admin.get("/depots?q=HB-WH-01").json(), "HB-WH-01");
        long wuhan = exact(admin.get("/units?q=P42-WUHAN&level=PREFECTURE").json(), "P42-WUHAN");
        long kn95 = exact(admin.get("/items?q=MASK-KN95").json(), "MASK-KN95");
        Api.Reply receipt = admin.post("/inventory/receipts", Map.of("depotId", store, "itemId", kn95, "quantity",
                quantity + 300, "origin", "PURCHASE_ORDER", "sourceDocument", document, "expiryDate",
                LocalDate.now().plusYears(2).toString()));
        assertEquals(receipt.toString(), 201, receipt.status());
        Api.Reply need = api.as("hubei").post("/needs", Map.of("orgUnitId", wuhan, "itemId", kn95, "quantity", quantity,
                "urgency", "IMMEDIATE", "justification", "checkpoint duty", "receivingDepotId", wuhanStore));
        assertEquals(need.toString(), 201, need.status());
        Api.Reply plan = api.as("officer").post("/allocation/plans", Map.of("itemId", kn95, "provinceCode", "42",
                "sourceDepotIds", List.of(store), "note", document));
        assertEquals(plan.toString(), 201, plan.status());
        return new DashboardSeed(store, kn95, plan.json().get("id").asLong());
    }

    /** Receives {@code quantity} KN95 masks into a depot as the ministry admin (e.g. Jiangsu's, for the scope checks). */
    static void stock(Api api, String depotCode, long quantity, String document) {
        Api admin = api.as("admin");
        long depot = exact(admin.get("/depots?q=" + depotCode).json(), depotCode);
        long kn95 = exact(admin.get("/items?q=MASK-KN95").json(), "MASK-KN95");
        Api.Reply receipt = admin.post("/inventory/receipts", Map.of("depotId", depot, "itemId", kn95, "quantity",
                quantity, "origin", "PURCHASE_ORDER", "sourceDocument", document, "expiryDate",
                LocalDate.now().plusYears(2).toString()));
        assertEquals(receipt.toString(), 201, receipt.status());
    }

    /** Receives {@code quantity} of an item expiring in {@code days} days into a depot, as the ministry admin. */
    static void expiring(Api api, String depotCode, String itemCode, long quantity, int days, String document) {
        Api admin = api.as("admin");
        long depot = exact(admin.get("/depots?q=" + depotCode).json(), depotCode);
        long item = exact(admin.get("/items?q=" + itemCode).json(), itemCode);
        Api.Reply receipt = admin.post("/inventory/receipts", Map.of("depotId", depot, "itemId", item, "quantity",
                quantity, "origin", "PURCHASE_ORDER", "sourceDocument", document, "expiryDate",
                LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days).toString()));
        assertEquals(receipt.toString(), 201, receipt.status());
    }

    /** Issues {@code quantity} KN95 masks from a depot to a prefecture's unit, as the ministry officer. */
    static void issue(Api api, String depotCode, String prefecture, long quantity) {
        Api admin = api.as("admin");
        long depot = exact(admin.get("/depots?q=" + depotCode).json(), depotCode);
        long unit = exact(admin.get("/units?q=" + prefecture + "&limit=500").json(), prefecture);
        long kn95 = exact(admin.get("/items?q=MASK-KN95").json(), "MASK-KN95");
        Api.Reply issued = api.as("officer").post("/inventory/issues", Map.of("depotId", depot, "itemId", kn95,
                "quantity", quantity, "orgUnitId", unit));
        assertEquals(issued.toString(), 201, issued.status());
    }

    /** The id of the listed row whose code is exactly {@code code}. */
    static long exact(JsonNode page, String code) {
        for (JsonNode row : page.get("items")) {
            if (code.equals(row.path("code").asText())) {
                return row.get("id").asLong();
            }
        }
        throw new AssertionError(code + " not in " + page);
    }

    /** The national report summed per province as the dashboard sums it (available, all categories). */
    static Map<String, Long> availableByProvince(JsonNode national) {
        Map<String, Long> sums = new java.util.TreeMap<>();
        for (JsonNode row : national.get("items")) {
            String code = row.get("provinceCode").isNull() ? "" : row.get("provinceCode").asText();
            sums.merge(code, row.get("available").asLong(), Long::sum);
        }
        return sums;
    }
}
