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

    void event(Tx tx, String topic, Map<String, Object> props) {
        props.put("actor", tx.caller.user());
        props.put("requestId", tx.caller.requestId());
        tx.events.add(new Event(topic, props));
    }

    void movement(Tx tx, long postingId, String operation, long depotId) {
        Map<String, Object> p = new HashMap<>();
        p.put("postingId", postingId);
        p.put("operation", operation);
        p.put("depotId", depotId);
        event(tx, InventoryTopics.MOVEMENT, p);
    }

    void shortDated(Tx tx, long lotId, long depotId, long itemId, LocalDate expiry) {
        Map<String, Object> p = new HashMap<>();
        p.put("depotId", depotId);
        p.put("itemId", itemId);
        p.put("lotId", lotId);
        p.put("expiryDate", expiry.toString());
        p.put("days", ChronoUnit.DAYS.between(tx.today, expiry));
        event(tx, InventoryTopics.SHORT_DATED, p);
    }

    void lotStatus(Tx tx, long lotId, long depotId, long itemId, LotStatus status, LotStatus previous) {
        Map<String, Object> p = new HashMap<>();
        p.put("lotId", lotId);
        p.put("depotId", depotId);
        p.put("itemId", itemId);
        p.put("status", status.name());
        p.put("previous", previous.name());
        event(tx, InventoryTopics.LOT_STATUS, p);
    }

    void lowStock(Tx tx, long depotId, long itemId, long available, long minimum, long reorderLevel) {
        Map<String, Object> p = new HashMap<>();
        p.put("depotId", depotId);
        p.put("itemId", itemId);
        p.put("available", available);
        p.put("minimum", minimum);
        p.put("reorderLevel", reorderLevel);
        p.put("level", available <= minimum ? "MINIMUM" : "REORDER");
        event(tx, InventoryTopics.LOW_STOCK, p);
    }

    void censusSubmitted(Tx tx, long censusId, String provinceCode, int version) {
        Map<String, Object> p = new HashMap<>();
        p.put("censusId", censusId);
        p.put("provinceCode", provinceCode);
        p.put("version", version);
        event(tx, InventoryTopics.CENSUS_SUBMITTED, p);
    }
}
