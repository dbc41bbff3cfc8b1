package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.federation.Federation;
import org.tongpao.federation.inventory.internal.stock.StockPostingContract;

/**
 * Tells central that the restored lots it still shows reserved hold nothing reserved any more: the reservations were
 * the lost install's, not restored (they are not at central), so central's replica would otherwise go on showing
 * them until each lot's next reservation change. A {@code stock.posting} {@code release} with {@code reserved: 0} per
 * lot, sent through the outbox in the page's transaction (exactly once with the restored lots). Newest wins at central
 * by the sender's outbox sequence, which a new database starts above every id the lost install used: the zero beats
 * the old quantity and any old copy still queued, and a reservation made after the rebuild beats the zero.
 */
final class ReservedResets {
    /** Lots per message: a lot is ~250 characters of JSON, the inbox keeps envelopes of up to 32,600. */
    static final int LOTS_PER_MESSAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Federation federation;
    private final String actor;

    ReservedResets(Federation federation, String actor) {
        this.federation = federation;
        this.actor = actor;
    }

    /** Sends the zeros for {@code rows} (the stream's lot rows of this node's own lots that central shows reserved). */
    void send(Connection c, List<JsonNode> rows, Instant now) {
        Map<String, List<Map<String, Object>>> byDepot = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            byDepot.computeIfAbsent(row.path("depot").asText(), d -> new ArrayList<>()).add(unreserved(row));
        }
        for (Map.Entry<String, List<Map<String, Object>>> depot : byDepot.entrySet()) {
            List<Map<String, Object>> lots = depot.getValue();
            for (int from = 0; from < lots.size(); from += LOTS_PER_MESSAGE) {
                Map<String, Object> body = new HashMap<>();
                body.put("operation", "release");
                body.put("depotCode", depot.getKey());
                body.put("actor", actor);
                body.put("lots", List.copyOf(lots.subList(from, Math.min(lots.size(), from + LOTS_PER_MESSAGE))));
                body.put("movements", List.of());
                federation.send(c, Federation.CENTRAL, StockPostingContract.TYPE, StockPostingContract.VERSION, now,
                        body);
            }
        }
    }

    /** The lot as {@code stock.posting} names it, from the stream's row (its names: {@code StockSource}). */
    private static Map<String, Object> unreserved(JsonNode row) {
        Map<String, Object> lot = new HashMap<>();
        lot.put("lotId", row.path("id").asLong());
        lot.put("itemCode", row.path("item").asText());
        lot.put("origin", row.path("origin").asText());
        lot.put("sourceDocument", row.path("document").asText());
        if (row.hasNonNull("expiry")) {
            lot.put("expiryDate", row.get("expiry").asText());
        }
        lot.put("receivedOn", row.path("received").asText());
        lot.put("status", row.path("status").asText());
        lot.put("receivedQuantity", row.path("quantity").asLong());
        if (row.hasNonNull("designation")) {
            lot.put("designation", JSON.convertValue(row.get("designation"), Map.class));
        }
        lot.put("reserved", 0L);
        return lot;
    }
}
