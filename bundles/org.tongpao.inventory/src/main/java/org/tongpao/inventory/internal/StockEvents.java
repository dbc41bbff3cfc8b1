package org.tongpao.inventory.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotStatus;

/** The inventory's events ({@link InventoryTopics}), collected by the write and posted after it commits. */
final class StockEvents {

    /** Every event also names who caused it and the request. */
    private static void event(Tx tx, String topic, Map<String, Object> props) {
        Map<String, Object> p = new HashMap<>(props);
        p.put("actor", tx.caller.user());
        p.put("requestId", tx.caller.requestId());
        tx.events.add(new Event(topic, p));
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

    void lowStock(Tx tx, long depotId, long itemId, long available, long minimum, long reorderLevel) {
        event(tx, InventoryTopics.LOW_STOCK, Map.of("depotId", depotId, "itemId", itemId, "available", available,
                "minimum", minimum, "reorderLevel", reorderLevel,
                "level", available <= minimum ? "MINIMUM" : "REORDER"));
    }

    void censusSubmitted(Tx tx, long censusId, String provinceCode, int version) {
        event(tx, InventoryTopics.CENSUS_SUBMITTED, Map.of("censusId", censusId, "provinceCode", provinceCode,
                "version", version));
    }
}
