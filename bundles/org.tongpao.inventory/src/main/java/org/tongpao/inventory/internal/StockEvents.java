package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;
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
}
