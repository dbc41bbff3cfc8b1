package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotStatus;

/**
 * The inventory's events ({@link InventoryTopics}), recorded in core's outbox in the write's own transaction
 * and posted to EventAdmin after it commits: a write that rolls back publishes nothing.
 */
record StockEvents(EventOutbox outbox) {

    private void event(Tx tx, String topic, Map<String, Object> props) {
        event(tx.c, tx.caller, topic, props);
    }

    /** Every event also names who caused it and the request. */
    private void event(Connection c, Caller caller, String topic, Map<String, Object> props) {
        Map<String, Object> p = new HashMap<>(props);
        p.put("actor", caller.user());
        p.put("requestId", caller.requestId());
        outbox.record(c, topic, p);
    }

    void movement(Tx tx, long postingId, String operation, long depotId) {
        event(tx, InventoryTopics.MOVEMENT, Map.of("postingId", postingId, "operation", operation, "depotId", depotId));
    }

    void shortDated(Tx tx, long lotId, long depotId, long itemId, LocalDate expiry) {
        event(tx, InventoryTopics.SHORT_DATED, Map.of("depotId", depotId, "itemId", itemId, "lotId", lotId,
                "expiryDate", expiry.toString(), "days", ChronoUnit.DAYS.between(tx.today, expiry)));
    }

    void lotStatus(Tx tx, long lotId, long depotId, long itemId, LotStatus status, LotStatus previous) {
        event(tx, InventoryTopics.LOT_STATUS, Map.of("lotId", lotId, "depotId", depotId, "itemId", itemId,
                "status", status.name(), "previous", previous.name()));
    }

    /** On {@code c}, a transaction of its own after the write that lowered the stock ({@link ThresholdWatch}). */
    void lowStock(Connection c, Caller caller, long depotId, long itemId, long available, long minimum,
            long reorderLevel) {
        event(c, caller, InventoryTopics.LOW_STOCK, Map.of("depotId", depotId, "itemId", itemId, "available", available,
                "minimum", minimum, "reorderLevel", reorderLevel,
                "level", available <= minimum ? "MINIMUM" : "REORDER"));
    }

    void censusSubmitted(Tx tx, long censusId, String provinceCode, int version) {
        event(tx, InventoryTopics.CENSUS_SUBMITTED, Map.of("censusId", censusId, "provinceCode", provinceCode,
                "version", version));
    }

    /** What federation sends as {@code transfer.dispatched}: codes and lot details, never local ids. */
    void crossNodeDispatched(Tx tx, CrossNodeTransfer t) {
        List<Map<String, Object>> lines = t.lines().stream().map(l -> present(Map.of("lineNo", l.lineNo(),
                "itemCode", l.itemCode(), "quantity", l.quantity()), "expiryDate",
                l.expiryDate() == null ? null : l.expiryDate().toString(), "origin", l.origin(), "sourceDocument",
                l.sourceDocument(), "lot", l.lot())).toList();
        event(tx, InventoryTopics.CROSS_NODE_DISPATCHED, present(Map.of("id", t.id(), "toNode", t.toNode(),
                "fromDepot", t.fromDepotCode(), "toDepot", t.toDepotCode(), "dispatchedAt", t.dispatchedAt().toString(),
                "lines", lines), "reference", t.reference(), null, null, null, null, null, null));
    }

    /** What federation sends back as {@code transfer.received}: the receiver's counts per line. */
    void crossNodeReceived(Tx tx, String id, String toNode, List<CrossNodeTransfer.Line> counted) {
        List<Map<String, Object>> lines = counted.stream().map(l -> Map.<String, Object>of("lineNo", l.lineNo(),
                "itemCode", l.itemCode(), "received", l.receivedQuantity(), "short", l.shortQuantity(),
                "damaged", l.damagedQuantity())).toList();
        event(tx, InventoryTopics.CROSS_NODE_RECEIVED, Map.of("id", id, "toNode", toNode,
                "receivedAt", tx.now.toString(), "lines", lines));
    }

    /** {@code fixed} plus the optional values that are present (event properties hold no nulls). */
    private static Map<String, Object> present(Map<String, Object> fixed, String k1, Object v1, String k2, Object v2,
            String k3, Object v3, String k4, Object v4) {
        Map<String, Object> m = new LinkedHashMap<>(fixed);
        String[] keys = {k1, k2, k3, k4};
        Object[] values = {v1, v2, v3, v4};
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && values[i] != null) {
                m.put(keys[i], values[i]);
            }
        }
        return m;
    }
}
