package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.LotStatus;

/**
 * The inventory's events ({@link InventoryTopics}), recorded in core's outbox in the write's own transaction
 * and posted to EventAdmin after it commits: a write that rolls back publishes nothing.
 */
record StockEvents(EventOutbox outbox) {
    /** Movements per MOVEMENT event: well inside the outbox's 32,000 characters of properties. */
    static final int LINES_PER_PART = 40;

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

    /**
     * MOVEMENT, self-contained: the posting's movements as this transaction wrote them and the details of their
     * lots, so a forwarder taking it inside the transaction never reads back. A posting of more than
     * {@link #LINES_PER_PART} movements is announced in parts (the outbox keeps an event's properties in a
     * bounded column).
     */
    void movement(Tx tx, long postingId, String operation, long depotId) throws SQLException {
        movement(tx, postingId, operation, depotId, ids -> lots(tx.c, ids));
    }

    /** The details of the lots a part of a MOVEMENT names, in id order. */
    @FunctionalInterface
    interface LotDetails {
        List<Map<String, Object>> of(List<Long> lotIds) throws SQLException;
    }

    /**
     * MOVEMENT as above, the lots' details from {@code details} rather than read back: for a write that created them
     * and holds their values ({@link BulkReceipts}, whose thousands of parts would otherwise each read the lot table).
     */
    void movement(Tx tx, long postingId, String operation, long depotId, LotDetails details) throws SQLException {
        List<Movement> lines = tx.moved.stream().filter(m -> m.postingId() == postingId).toList();
        int parts = Math.max(1, (lines.size() + LINES_PER_PART - 1) / LINES_PER_PART);
        for (int part = 1; part <= parts; part++) {
            List<Movement> some = lines.subList((part - 1) * LINES_PER_PART,
                    Math.min(lines.size(), part * LINES_PER_PART));
            Map<String, Object> p = new HashMap<>(Map.of("postingId", postingId, "operation", operation,
                    "depotId", depotId, "occurredAt", tx.occurredAt.toString(), "part", part, "parts", parts));
            p.put("lines", some.stream().map(StockEvents::line).toList());
            p.put("lots", withReserved(tx, details.of(some.stream().map(Movement::lotId).distinct().sorted().toList()),
                    false));
            event(tx, InventoryTopics.MOVEMENT, p);
        }
    }

    /**
     * RESERVED (1.11): a reservation held or released the stock of {@code lotIds}, their reserved quantities after it
     * (the picks' holds are applied by now, {@link Picker#applyPending}).
     */
    void reserved(Tx tx, long reservationId, String operation, long depotId, long itemId, List<Long> lotIds)
            throws SQLException {
        Map<String, Object> p = new HashMap<>(Map.of("reservationId", reservationId, "operation", operation,
                "depotId", depotId, "itemId", itemId, "occurredAt", tx.occurredAt.toString()));
        p.put("lots", withReserved(tx, lots(tx.c, lotIds.stream().distinct().sorted().toList()), true));
        event(tx, InventoryTopics.RESERVED, p);
    }

    /**
     * The lots' details, each lot whose reserved quantity this write changed (or every lot, {@code all}) with
     * {@code reserved} as it now is: this write holds those balance rows, so reading them waits for no one.
     */
    private static List<Map<String, Object>> withReserved(Tx tx, List<Map<String, Object>> lots, boolean all)
            throws SQLException {
        List<Long> changed = new ArrayList<>();
        for (Map<String, Object> lot : lots) {
            long[] delta = tx.balanceDeltas.get(((Number) lot.get("lotId")).longValue());
            if (all || delta != null && delta[1] != 0) {
                changed.add(((Number) lot.get("lotId")).longValue());
            }
        }
        if (changed.isEmpty()) {
            return lots;
        }
        Map<Long, Long> reserved = new HashMap<>();
        Jdbc.query(tx.c, "SELECT lot_id, reserved FROM tp_inv_balance WHERE lot_id IN ("
                + String.join(", ", Collections.nCopies(changed.size(), "?")) + ")", changed,
                rs -> reserved.put(rs.getLong(1), rs.getLong(2)));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> lot : lots) {
            Long r = reserved.get(((Number) lot.get("lotId")).longValue());
            if (r == null) {
                out.add(lot);
            } else {
                Map<String, Object> copy = new HashMap<>(lot);
                copy.put("reserved", r);
                out.add(copy);
            }
        }
        return out;
    }

    private static Map<String, Object> line(Movement m) {
        Map<String, Object> line = new HashMap<>(Map.of("lotId", m.lotId(), "itemId", m.itemId(),
                "quantity", m.quantity(), "type", m.type().name()));
        putIfSet(line, "reason", m.reason());
        putIfSet(line, "transferId", m.transferId());
        putIfSet(line, "orgUnitId", m.orgUnitId());
        return line;
    }

    /** The lots' details as stored (read from the lot table alone: their balance rows may be locked by others). */
    private static List<Map<String, Object>> lots(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(c, "SELECT id, item_id, origin, source_document, expiry_date, received_on, lot_status, "
                + "parent_lot_id, received_quantity, designation_kind, designation_province, designation_unit_id, "
                + "designation_label FROM tp_inv_lot WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY id", ids, rs -> lot(
                        rs.getLong("id"), rs.getLong("item_id"), rs.getString("origin"), rs.getString("source_document"),
                        Jdbc.localDate(rs, "expiry_date"), Jdbc.localDate(rs, "received_on"), rs.getString("lot_status"),
                        Sql.getLong(rs, "parent_lot_id"), rs.getLong("received_quantity"),
                        Arrays.asList(rs.getString("designation_kind"), rs.getString("designation_province"),
                                Sql.getLong(rs, "designation_unit_id"), rs.getString("designation_label"))));
    }

    /**
     * A lot's details as MOVEMENT's {@code lots} and LOT_STATUS's {@code lot} carry them; {@code designation} the
     * four values of {@link Designations#columns} (all null: none).
     */
    static Map<String, Object> lot(long id, long itemId, String origin, String sourceDocument, LocalDate expiryDate,
            LocalDate receivedOn, String status, Long parentLotId, long receivedQuantity, List<Object> designation) {
        Map<String, Object> lot = new HashMap<>(Map.of("lotId", id, "itemId", itemId, "origin", origin,
                "sourceDocument", sourceDocument, "receivedOn", receivedOn.toString(), "status", status,
                "receivedQuantity", receivedQuantity));
        putIfSet(lot, "expiryDate", expiryDate);
        putIfSet(lot, "parentLotId", parentLotId);
        // 1.6: a replica or a donation's follower sees where the goods must go
        putIfSet(lot, "designationKind", designation.get(0));
        putIfSet(lot, "designationProvince", designation.get(1));
        putIfSet(lot, "designationUnitId", designation.get(2));
        putIfSet(lot, "designationLabel", designation.get(3));
        return lot;
    }

    /** Absent rather than null: event properties are copied into maps that may refuse null values. */
    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof LocalDate d ? d.toString() : value);
        }
    }

    /** DESIGNATION_OVERRIDDEN (1.6): designated stock moved outside its designation by a ministry-admin. */
    void designationOverridden(Tx tx, Map<String, Object> props) {
        event(tx, InventoryTopics.DESIGNATION_OVERRIDDEN, props);
    }

    void shortDated(Tx tx, long lotId, long depotId, long itemId, LocalDate expiry) {
        event(tx, InventoryTopics.SHORT_DATED, Map.of("depotId", depotId, "itemId", itemId, "lotId", lotId,
                "expiryDate", expiry.toString(), "days", ChronoUnit.DAYS.between(tx.today, expiry)));
    }

    /** LOT_STATUS, self-contained like MOVEMENT: the lot's details after the change, and when it happened. */
    void lotStatus(Tx tx, long lotId, long depotId, long itemId, LotStatus status, LotStatus previous)
            throws SQLException {
        event(tx, InventoryTopics.LOT_STATUS, Map.of("lotId", lotId, "depotId", depotId, "itemId", itemId,
                "status", status.name(), "previous", previous.name(), "occurredAt", tx.occurredAt.toString(),
                "lot", lots(tx.c, List.of(lotId)).get(0)));
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

    /** What federation sends as {@code transfer.dispatched}: codes and lot details, never local ids. */
    void crossNodeDispatched(Tx tx, CrossNodeTransfer t) {
        List<Map<String, Object>> lines = t.lines().stream().map(l -> {
            Map<String, Object> line = present(Map.of("lineNo", l.lineNo(), "itemCode", l.itemCode(), "quantity",
                    l.quantity()), "expiryDate", l.expiryDate() == null ? null : l.expiryDate().toString(), "origin",
                    l.origin(), "sourceDocument", l.sourceDocument(), "lot", l.lot());
            if (l.designation() != null) {
                line.put("designation", l.designation().toMap()); // 1.7: by codes, the receiver's lot inherits it
            }
            return line;
        }).toList();
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
