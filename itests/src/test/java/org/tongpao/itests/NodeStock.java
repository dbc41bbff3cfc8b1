package org.tongpao.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stock on one node over its REST API, by code: each node has its own database ids for the same depot and item
 * (records travel by code between nodes), so a test that compares nodes looks them up on each.
 */
public final class NodeStock {

    private final Api api;

    /** @param api a client of one node, as a user allowed to read (and write, for receipts) the depots asked */
    public NodeStock(Api api) {
        this.api = api;
    }

    public long depotId(String code) {
        return idOf("/depots?q=" + code, code);
    }

    public long itemId(String code) {
        return idOf("/items?q=" + code, code);
    }

    private long idOf(String query, String code) {
        Api.Reply r = api.get(query);
        assertEquals(r.toString(), 200, r.status());
        for (JsonNode row : r.json().get("items")) {
            if (code.equals(row.get("code").asText())) {
                return row.get("id").asLong();
            }
        }
        throw new AssertionError("no record with code " + code + " in " + r);
    }

    /** Receives {@code quantity} into a new lot; the answer (201 with the lot's id) is the caller's to check. */
    public Api.Reply receive(long depot, long item, long quantity, String sourceDocument) {
        return api.post("/inventory/receipts", Map.of("depotId", depot, "itemId", item, "quantity", quantity,
                "origin", "PURCHASE_ORDER", "sourceDocument", sourceDocument,
                "expiryDate", LocalDate.now().plusYears(2).toString()));
    }

    /** On hand of one item in one depot, from the balances (0 when it has none). */
    public long onHand(String depotCode, String itemCode) {
        Api.Reply r = api.get("/inventory/balances?depot=" + depotCode + "&item=" + itemCode + "&by=item");
        assertEquals(r.toString(), 200, r.status());
        long sum = 0;
        for (JsonNode row : r.json().get("items")) {
            sum += row.get("onHand").asLong();
        }
        return sum;
    }

    /** The sum of every movement of one item in one depot: the ledger, read page by page. */
    public long ledgerSum(long depot, long item) {
        return ledgerByItem(depot, item).getOrDefault(item, 0L);
    }

    /** The ledger of one depot (of one item, or every item when {@code item} is null): item id → sum of movements. */
    public Map<Long, Long> ledgerByItem(long depot, Long item) {
        Map<Long, Long> ledger = new TreeMap<>();
        for (JsonNode m : pages("/inventory/movements?depot=" + depot + (item == null ? "" : "&item=" + item))) {
            ledger.merge(m.get("itemId").asLong(), m.get("quantity").asLong(), Long::sum);
        }
        return ledger;
    }

    /** The balances of one depot rolled up per item: item id → on hand. */
    public Map<Long, Long> onHandByItem(String depotCode) {
        Map<Long, Long> onHand = new TreeMap<>();
        for (JsonNode b : pages("/inventory/balances?depot=" + depotCode + "&by=item")) {
            onHand.merge(b.get("itemId").asLong(), b.get("onHand").asLong(), Long::sum);
        }
        return onHand;
    }

    /**
     * What one depot holds, by item code (comparable across nodes): lots with stock on hand and their sum. Lots
     * that are empty are left out: a replica need not keep a lot the owner emptied.
     */
    public Map<String, Holding> holdings(String depotCode) {
        Map<String, Holding> held = new TreeMap<>();
        for (JsonNode b : pages("/inventory/balances?depot=" + depotCode)) {
            long onHand = b.get("onHand").asLong();
            if (onHand != 0) {
                held.merge(b.get("itemCode").asText(), new Holding(1, onHand), Holding::plus);
            }
        }
        return held;
    }

    /** The on-hand quantity of each lot of one item in one depot. */
    public List<Long> lotQuantities(String depotCode, String itemCode) {
        List<Long> lots = new ArrayList<>();
        for (JsonNode b : pages("/inventory/balances?depot=" + depotCode + "&item=" + itemCode)) {
            lots.add(b.get("onHand").asLong());
        }
        return lots;
    }

    /** Lots of an item with stock, and their stock. */
    public record Holding(long lots, long onHand) {
        Holding plus(Holding o) {
            return new Holding(lots + o.lots, onHand + o.onHand);
        }
    }

    /** Every row of a list operation, following {@code nextCursor}. */
    private List<JsonNode> pages(String query) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply r = api.get(query + "&limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(r.toString(), 200, r.status());
            JsonNode page = r.json();
            page.get("items").forEach(rows::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return rows;
    }
}
