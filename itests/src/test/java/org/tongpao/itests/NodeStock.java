package org.tongpao.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;

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
        long ledger = 0;
        String cursor = null;
        do {
            Api.Reply r = api.get("/inventory/movements?depot=" + depot + "&item=" + item + "&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(r.toString(), 200, r.status());
            JsonNode page = r.json();
            for (JsonNode m : page.get("items")) {
                ledger += m.get("quantity").asLong();
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return ledger;
    }
}
