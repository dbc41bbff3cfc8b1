package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
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

    /** A census opened here; {@code source} the census it replicates (null: none). */
    void censusOpened(Tx tx, long censusId, String title, Collection<String> categories, Instant deadline,
            String source) {
        Map<String, Object> p = new HashMap<>(Map.of("censusId", censusId, "title", title, "categories",
                String.join(",", categories), "deadline", deadline, "openedBy", tx.caller.user(), "openedAt", tx.now));
        if (source != null) {
            p.put("source", source);
        }
        event(tx, InventoryTopics.CENSUS_OPENED, p);
    }

    /**
     * A province's answer recorded ({@code answer.node()} null: submitted on this node); the figures travel with
     * the event so that federation forwards them without reading the census tables.
     */
    void censusSubmitted(Tx tx, long censusId, String source, CensusAnswer answer) {
        List<Map<String, Object>> declared = new ArrayList<>();
        for (CensusSubmission.Declared d : answer.declared()) {
            Map<String, Object> line = new HashMap<>(Map.of("categoryCode", d.categoryCode().strip(), "quantity",
                    d.quantity()));
            if (d.note() != null) {
                line.put("note", d.note());
            }
            declared.add(line);
        }
        Map<String, Object> p = new HashMap<>(Map.of("censusId", censusId, "provinceCode", answer.provinceCode(),
                "version", answer.version(), "submittedAt", answer.submittedAt(), "submittedBy",
                answer.submittedBy(), "system", new TreeMap<>(answer.system()), "declared", declared));
        if (source != null) {
            p.put("source", source);
        }
        if (answer.node() != null) {
            p.put("node", answer.node());
        }
        event(tx, InventoryTopics.CENSUS_SUBMITTED, p);
    }
}
