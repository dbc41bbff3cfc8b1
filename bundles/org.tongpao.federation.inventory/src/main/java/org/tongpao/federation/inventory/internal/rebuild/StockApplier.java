package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Identities;
import org.tongpao.core.persistence.Jdbc;

/**
 * Restores a page of lots into this province's ledger with batched JDBC, on the page's transaction: the lot
 * (under its original id when this province created it, else a new local id whose origin key is kept), its
 * balance, and an opening movement per depot posting so that every balance equals its ledger. Reserved
 * quantities are not restored (the reservations are not at central): they are counted, and the own lots central
 * still shows reserved are handed back for {@link ReservedResets}.
 */
final class StockApplier {
    static final String OPERATION = "REBUILD";
    static final String NOTE = "opening balance restored from central";

    private static final String LOT = "INSERT INTO tp_inv_lot (id, item_id, depot_id, origin, source_document,"
            + " expiry_date, received_on, lot_status, parent_lot_id, received_quantity, created_at, designation_kind,"
            + " designation_province, designation_unit_id, designation_label)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)";
    private static final String BALANCE = "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved)"
            + " VALUES (?, ?, ?, ?, 0)";
    private static final String ORIGIN = "INSERT INTO tp_fedinv_lot_origin (lot_id, origin_node, origin_lot_id)"
            + " VALUES (?, ?, ?)";
    private static final String MOVEMENT = "INSERT INTO tp_inv_movement (posting_id, movement_type, depot_id, item_id,"
            + " lot_id, quantity, reason, org_unit_id, transfer_id, source_document, note, actor, request_id, occurred_at)"
            + " VALUES (?, 'ADJUSTMENT', ?, ?, ?, ?, 'COUNT', NULL, NULL, 'rebuild', '" + NOTE + "', ?, ?, ?)";

    /** An opening's expiry slot when its lot has no expiry date. */
    private static final long NO_EXPIRY = Long.MIN_VALUE;

    /**
     * What applying a page changed in the run's counters, and the rows of this node's own lots that central still
     * shows reserved (see {@link ReservedResets}).
     */
    record Applied(long nextLocalLotId, long reservedDropped, List<JsonNode> reservedAtCentral) {
    }

    private final String thisNode;
    private final String actor;
    private final String requestId;
    private Map<String, Long> depots;
    private Map<String, Long> items;
    private Map<String, Long> units;

    StockApplier(String thisNode, String actor, String requestId) {
        this.thisNode = thisNode;
        this.actor = actor;
        this.requestId = requestId;
    }

    Applied apply(Connection c, JsonNode rows, long nextLocalLotId, Instant now) throws SQLException {
        if (depots == null) {
            depots = ids(c, "SELECT code, id FROM tp_core_v1_depot");
            items = ids(c, "SELECT code, id FROM tp_core_v1_item");
            units = ids(c, "SELECT code, id FROM tp_core_v1_org_unit");
        }
        List<List<?>> lots = new ArrayList<>(rows.size());
        List<List<?>> balances = new ArrayList<>(rows.size());
        List<List<?>> origins = new ArrayList<>();
        Map<Long, List<long[]>> openings = new LinkedHashMap<>();
        long next = nextLocalLotId;
        long reserved = 0;
        List<JsonNode> reservedAtCentral = new ArrayList<>();
        for (JsonNode row : rows) {
            long depot = local(depots, "depot", row.path("depot").asText());
            long item = local(items, "item", row.path("item").asText());
            boolean own = thisNode.equals(row.path("node").asText());
            long lotId = own ? row.path("id").asLong() : next++;
            if (!own) {
                origins.add(Jdbc.args(lotId, row.path("node").asText(), row.path("id").asLong()));
            }
            String expiry = row.path("expiry").isNull() ? null : row.path("expiry").asText();
            List<Object> lot = Jdbc.args(lotId, item, depot, row.path("origin").asText(), row.path("document").asText(),
                    expiry == null ? null : LocalDate.parse(expiry), LocalDate.parse(row.path("received").asText()),
                    row.path("status").asText(), row.path("quantity").asLong(), Instant.parse(row.path("created").asText()));
            lot.addAll(designation(row.path("designation")));
            lots.add(lot);
            long onHand = row.path("onHand").asLong();
            balances.add(Jdbc.args(lotId, depot, item, onHand));
            reserved += row.path("reserved").asLong();
            if (own && row.path("reserved").asLong() > 0) {
                reservedAtCentral.add(row);
            }
            if (onHand != 0) {
                openings.computeIfAbsent(depot, d -> new ArrayList<>()).add(new long[] {item, lotId, onHand,
                    expiry == null ? NO_EXPIRY : LocalDate.parse(expiry).toEpochDay()});
            }
        }
        Jdbc.batch(c, LOT, lots);
        Jdbc.batch(c, BALANCE, balances);
        Jdbc.batch(c, ORIGIN, origins);
        Jdbc.batch(c, MOVEMENT, movements(c, openings, now));
        summaries(c, openings, now);
        return new Applied(next, reserved, reservedAtCentral);
    }

    /**
     * Adds the page's restored stock to the inventory's summaries (its V8 tables, which its own writes keep in the
     * same transaction): on hand and lots per province × item, and the opening ADJUSTMENT movements on today's UTC
     * day; (V10) the dated stock per province × item × expiry day and each key's earliest day on its stock row. One
     * runner at a time (the rebuild's claim), so update-else-insert cannot race.
     */
    private static void summaries(Connection c, Map<Long, List<long[]>> openings, Instant now) throws SQLException {
        Map<List<Object>, long[]> stock = new LinkedHashMap<>();
        Map<List<Object>, Map<LocalDate, Long>> expiring = new HashMap<>();
        for (Map.Entry<Long, List<long[]>> depot : openings.entrySet()) {
            String province = Jdbc.one(c, "SELECT province_code FROM tp_core_v1_depot WHERE id = ?",
                    List.of(depot.getKey()), rs -> rs.getString(1) == null ? "" : rs.getString(1)).orElse("");
            for (long[] m : depot.getValue()) {
                long[] sum = stock.computeIfAbsent(List.of(province, m[0]), k -> new long[3]);
                sum[0] += m[2];
                sum[1] += m[2] > 0 ? 1 : 0;
                sum[2]++;
                if (m[3] != NO_EXPIRY) {
                    expiring.computeIfAbsent(List.of(province, m[0]), k -> new java.util.TreeMap<>())
                            .merge(LocalDate.ofEpochDay(m[3]), m[2], Long::sum);
                }
            }
        }
        LocalDate day = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        for (Map.Entry<List<Object>, long[]> e : stock.entrySet()) {
            long[] sum = e.getValue();
            List<Object> key = e.getKey();
            if (Jdbc.update(c, "UPDATE tp_inv_stock_summary SET on_hand = on_hand + ?, lots = lots + ? "
                    + "WHERE province_code = ? AND item_id = ?", Jdbc.args(sum[0], sum[1], key.get(0), key.get(1))) == 0) {
                Jdbc.update(c, "INSERT INTO tp_inv_stock_summary (province_code, item_id, on_hand, reserved, lots) "
                        + "VALUES (?, ?, ?, 0, ?)", Jdbc.args(key.get(0), key.get(1), sum[0], sum[1]));
            }
            if (Jdbc.update(c, "UPDATE tp_inv_daily_movement SET quantity = quantity + ?, movements = movements + ? "
                    + "WHERE movement_day = ? AND province_code = ? AND item_id = ? AND movement_type = 'ADJUSTMENT'",
                    Jdbc.args(sum[0], sum[2], day, key.get(0), key.get(1))) == 0) {
                Jdbc.update(c, "INSERT INTO tp_inv_daily_movement (movement_day, province_code, item_id, movement_type, "
                        + "quantity, movements) VALUES (?, ?, ?, 'ADJUSTMENT', ?, ?)",
                        Jdbc.args(day, key.get(0), key.get(1), sum[0], sum[2]));
            }
            if (expiring.containsKey(key)) {
                expiryDays(c, key, expiring.get(key));
            }
        }
    }

    /**
     * Adds a province × item's restored stock per expiry day (the inventory's V10 summary) and puts its earliest day on
     * the stock summary row, as the inventory's own writes do ({@code ExpirySummary}); a restored lot only adds.
     */
    private static void expiryDays(Connection c, List<Object> key, Map<LocalDate, Long> days) throws SQLException {
        for (Map.Entry<LocalDate, Long> d : days.entrySet()) {
            List<?> args = Jdbc.args(d.getValue(), key.get(0), key.get(1), d.getKey());
            if (Jdbc.update(c, "UPDATE tp_inv_expiry_summary SET on_hand = on_hand + ? "
                    + "WHERE province_code = ? AND item_id = ? AND expiry_date = ?", args) == 0) {
                Jdbc.update(c, "INSERT INTO tp_inv_expiry_summary (on_hand, province_code, item_id, expiry_date) "
                        + "VALUES (?, ?, ?, ?)", args);
            }
        }
        Jdbc.update(c, "UPDATE tp_inv_stock_summary SET earliest_expiry = (SELECT MIN(e.expiry_date) FROM "
                + "tp_inv_expiry_summary e WHERE e.province_code = ? AND e.item_id = ?) WHERE province_code = ? "
                + "AND item_id = ?", Jdbc.args(key.get(0), key.get(1), key.get(0), key.get(1)));
        Jdbc.update(c, "UPDATE tp_inv_stock_summary SET earliest_on_hand = (SELECT e.on_hand FROM tp_inv_expiry_summary "
                + "e WHERE e.province_code = ? AND e.item_id = ? AND e.expiry_date = tp_inv_stock_summary.earliest_expiry) "
                + "WHERE province_code = ? AND item_id = ?", Jdbc.args(key.get(0), key.get(1), key.get(0), key.get(1)));
    }

    /** One posting per depot of the page, and its movements. */
    private List<List<?>> movements(Connection c, Map<Long, List<long[]>> openings, Instant now) throws SQLException {
        List<List<?>> movements = new ArrayList<>();
        for (Map.Entry<Long, List<long[]>> depot : openings.entrySet()) {
            long posting = Jdbc.insert(c, "INSERT INTO tp_inv_posting (operation, depot_id, actor, request_id, occurred_at)"
                    + " VALUES (?, ?, ?, ?, ?)", Jdbc.args(OPERATION, depot.getKey(), actor, requestId, now));
            for (long[] m : depot.getValue()) {
                movements.add(Jdbc.args(posting, depot.getKey(), m[0], m[1], m[2], actor, requestId, now));
            }
        }
        return movements;
    }

    /**
     * The lot's designation columns (kind, province, unit id, label) from the stream's {@code designation}, named as
     * in {@code stock.posting} 1.1 with the org unit by code; all null when the lot has none (a stream of a central
     * without designations has none either).
     */
    private List<Object> designation(JsonNode d) {
        if (d.isMissingNode() || d.isNull()) {
            return java.util.Arrays.asList(null, null, null, null);
        }
        String kind = d.path("kind").asText();
        Long unit = d.hasNonNull("orgUnitCode") ? local(units, "org unit", d.get("orgUnitCode").asText()) : null;
        return java.util.Arrays.asList(kind, d.hasNonNull("provinceCode") ? d.get("provinceCode").asText() : null, unit,
                d.hasNonNull("label") ? d.get("label").asText() : null);
    }

    private static long local(Map<String, Long> ids, String what, String code) {
        Long id = ids.get(code);
        if (id == null) {
            throw new ConflictException("central sent stock of " + what + " " + code + ", which this node does not"
                    + " know: its master data section did not include it");
        }
        return id;
    }

    private static Map<String, Long> ids(Connection c, String sql) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        for (Object[] row : Jdbc.query(c, sql, List.of(), rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            ids.put((String) row[0], (Long) row[1]);
        }
        return ids;
    }

    /** Lots already in this node's ledger for the province's depots: a rebuild restores into an empty ledger. */
    static long lotsHeld(Connection c, String province) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_inv_lot l JOIN tp_core_v1_depot d ON d.id = l.depot_id"
                + " WHERE d.province_code = ?", Jdbc.args(province));
    }

    /** The highest lot id this node holds (0: none). */
    static long maxLotId(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT MAX(id) FROM tp_inv_lot", List.of());
    }

    /**
     * Lets the lot table's identity continue above every id restored: lots kept their original ids, which the
     * identity generator did not hand out. The same statement on Derby and PostgreSQL; its value must be a literal.
     */
    static void continueNumbering(Connection c, long above) throws SQLException {
        Identities.continueAbove(c, "tp_inv_lot", above);
    }
}
