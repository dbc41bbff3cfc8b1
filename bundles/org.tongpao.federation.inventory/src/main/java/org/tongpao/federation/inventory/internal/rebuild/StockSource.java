package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/**
 * Central's side of the stock section: the lots of a province's depots with their balances, as central holds
 * them, in pages by lot id. Depots and items travel by code. Reads core only through its published views.
 *
 * <p>Each page is two range scans on primary keys (lots by id, then their balances by lot id), filtered to the
 * province's depots here: a join with the depots that also orders by lot id let Derby sort every remaining lot of
 * the province for each page, which grows with the square of the province's size.
 */
final class StockSource {

    /**
     * The key a lot is known by across the federation is the node that created it and its id there: a replica's
     * is in inventory's {@code tp_inv_replica_lot}; a lot central holds without one (received there before the
     * province was federated) is central's own.
     */
    static final String CENTRAL = "central";

    private static final String LOTS = "SELECT id, item_id, depot_id, origin, source_document, expiry_date, received_on,"
            + " lot_status, received_quantity, created_at, designation_kind, designation_province, designation_unit_id,"
            + " designation_label FROM tp_inv_lot WHERE id > ? ORDER BY id FETCH FIRST ";
    private static final String BALANCES = "SELECT lot_id, on_hand, reserved FROM tp_inv_balance"
            + " WHERE lot_id >= ? AND lot_id <= ?";
    private static final String ORIGINS = "SELECT lot_id, origin_node, remote_lot_id FROM tp_inv_replica_lot"
            + " WHERE lot_id >= ? AND lot_id <= ?";
    private static final String IN_PROVINCE = " FROM tp_inv_balance WHERE depot_id IN"
            + " (SELECT id FROM tp_core_v1_depot WHERE province_code = ?)";

    private StockSource() {
    }

    /** Up to {@code limit} lots of the province after central's lot id {@code afterId}; the key is the last id. */
    static SectionRows lots(Connection c, String province, long afterId, int limit) throws SQLException {
        // the keyset runs over central's lot ids; a row's "id" becomes its origin id once the origins are read
        Map<Long, String> depots = codes(c, "SELECT id, code FROM tp_core_v1_depot WHERE province_code = ?",
                Jdbc.args(province));
        Map<Long, String> items = codes(c, "SELECT id, code FROM tp_core_v1_item", List.of());
        List<Map<String, Object>> rows = new ArrayList<>(limit);
        long after = afterId;
        boolean more = true;
        while (rows.size() < limit && more) {
            List<Map<String, Object>> scanned = Jdbc.query(c, LOTS + limit + " ROWS ONLY", Jdbc.args(after),
                    rs -> lot(rs, depots, items));
            more = scanned.size() == limit;
            for (Map<String, Object> lot : scanned) {
                after = (Long) lot.get("id");
                if (lot.get("depot") != null) {
                    rows.add(lot);
                    if (rows.size() == limit) {
                        break;
                    }
                }
            }
        }
        addBalancesAndOrigins(c, rows);
        addDesignations(c, rows);
        return new SectionRows(rows, rows.size() == limit ? Long.toString(after) : null);
    }

    private static Map<String, Object> lot(ResultSet rs, Map<Long, String> depots, Map<Long, String> items)
            throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("node", CENTRAL);
        row.put("id", rs.getLong(1));
        row.put("depot", depots.get(rs.getLong(3)));
        row.put("item", items.get(rs.getLong(2)));
        row.put("origin", rs.getString(4));
        row.put("document", rs.getString(5));
        java.sql.Date expiry = rs.getDate(6);
        row.put("expiry", expiry == null ? null : expiry.toLocalDate().toString());
        row.put("received", rs.getDate(7).toLocalDate().toString());
        row.put("status", rs.getString(8));
        row.put("quantity", rs.getLong(9));
        row.put("created", Sql.getInstant(rs, 10).toString());
        String kind = rs.getString(11);
        if (kind != null) {
            // as stock.posting 1.1 names it; the unit id becomes its code below (addDesignations)
            Map<String, Object> designation = new LinkedHashMap<>(4);
            designation.put("kind", kind);
            designation.put("provinceCode", rs.getString(12));
            long unit = rs.getLong(13);
            designation.put("orgUnitCode", rs.wasNull() ? null : unit);
            designation.put("label", rs.getString(14));
            designation.values().removeIf(java.util.Objects::isNull);
            row.put("designation", designation);
        }
        return row;
    }

    /** A designation's org unit travels by code, read for the page's designated lots in one query. */
    @SuppressWarnings("unchecked")
    private static void addDesignations(Connection c, List<Map<String, Object>> rows) throws SQLException {
        java.util.Set<Object> unitIds = new java.util.LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> d = (Map<String, Object>) row.get("designation");
            if (d != null && d.get("orgUnitCode") != null) {
                unitIds.add(d.get("orgUnitCode"));
            }
        }
        if (unitIds.isEmpty()) {
            return;
        }
        Map<Long, String> units = codes(c, "SELECT id, code FROM tp_core_v1_org_unit WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(unitIds.size(), "?")) + ")", List.copyOf(unitIds));
        for (Map<String, Object> row : rows) {
            Map<String, Object> d = (Map<String, Object>) row.get("designation");
            if (d != null && d.get("orgUnitCode") != null) {
                d.put("orgUnitCode", units.get((Long) d.get("orgUnitCode")));
            }
        }
    }

    /** The balance and the origin key of each lot, from two range scans over the page's lot ids. */
    private static void addBalancesAndOrigins(Connection c, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> range = Jdbc.args(rows.get(0).get("id"), rows.get(rows.size() - 1).get("id"));
        Map<Long, long[]> balances = new HashMap<>(rows.size() * 2);
        Jdbc.query(c, BALANCES, range, rs -> balances.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}));
        Map<Long, Object[]> origins = new HashMap<>();
        Jdbc.query(c, ORIGINS, range, rs -> origins.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getLong(3)}));
        for (Map<String, Object> row : rows) {
            Long centralId = (Long) row.get("id");
            long[] b = balances.getOrDefault(centralId, new long[2]);
            row.put("onHand", b[0]);
            row.put("reserved", b[1]);
            Object[] origin = origins.get(centralId);
            if (origin != null) {
                row.put("node", origin[0]);
                row.put("id", origin[1]);
            }
        }
    }

    private static Map<Long, String> codes(Connection c, String sql, List<?> args) throws SQLException {
        Map<Long, String> codes = new HashMap<>();
        Jdbc.query(c, sql, args, rs -> codes.put(rs.getLong(1), rs.getString(2)));
        return codes;
    }

    /** What the first page announces about the stock section. */
    static Map<String, Object> summary(Connection c, String province) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        Jdbc.one(c, "SELECT COUNT(*), SUM(on_hand), SUM(reserved)" + IN_PROVINCE, Jdbc.args(province), rs -> {
            m.put("lots", rs.getLong(1));
            m.put("onHand", rs.getLong(2));
            m.put("reserved", rs.getLong(3));
            return null;
        });
        // the province's own lot numbering continues above the highest id it gave a lot central holds
        m.put("maxOriginLotId", Jdbc.count(c, "SELECT MAX(remote_lot_id) FROM tp_inv_replica_lot WHERE origin_node = ?",
                Jdbc.args("province:" + province)));
        // and its postings: central drops a posting whose id it already applied from this node as a repeat
        m.put("maxOriginPostingId", Jdbc.count(c, "SELECT MAX(remote_posting_id) FROM tp_inv_replica_posting"
                + " WHERE origin_node = ?", Jdbc.args("province:" + province)));
        return m;
    }
}
