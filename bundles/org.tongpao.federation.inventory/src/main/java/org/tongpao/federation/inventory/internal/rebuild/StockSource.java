package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/**
 * Central's side of the stock section: the lots of a province's depots with their balances, as central holds
 * them, in pages by lot id. Depots and items travel by code. Reads core only through its published views.
 */
final class StockSource {

    /**
     * The key a lot is known by across the federation: the node that created it and its id there. Until the
     * stock replicas carry their origin keys, every lot central holds is central's own.
     */
    static final String ORIGIN_KEY_COLUMNS = "'central' AS origin_node, l.id AS origin_lot_id";

    private static final String FROM = " FROM tp_inv_lot l JOIN tp_inv_balance b ON b.lot_id = l.id"
            + " JOIN tp_core_v1_depot d ON d.id = l.depot_id JOIN tp_core_v1_item i ON i.id = l.item_id"
            + " WHERE d.province_code = ?";

    private StockSource() {
    }

    /** Up to {@code limit} lots after central's lot id {@code afterId}; the cursor key is the last id. */
    static SectionRows lots(Connection c, String province, long afterId, int limit) throws SQLException {
        String sql = "SELECT l.id, " + ORIGIN_KEY_COLUMNS + ", d.code AS depot_code, i.code AS item_code, l.origin,"
                + " l.source_document, l.expiry_date, l.received_on, l.lot_status, l.received_quantity,"
                + " l.created_at, b.on_hand, b.reserved" + FROM + " AND l.id > ?" + Paging.orderAndFetch("l.id", limit);
        List<Keyed> fetched = Jdbc.query(c, sql, Jdbc.args(province, afterId), rs -> new Keyed(rs.getLong(1), lot(rs)));
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(fetched.size(), limit));
        for (int i = 0; i < fetched.size() && i < limit; i++) {
            rows.add(fetched.get(i).row());
        }
        String next = fetched.size() > limit ? Long.toString(fetched.get(limit - 1).centralId()) : null;
        return new SectionRows(rows, next);
    }

    /** A row and central's id of its lot, the keyset position (central's ids never leave central otherwise). */
    private record Keyed(long centralId, Map<String, Object> row) {
    }

    private static Map<String, Object> lot(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("node", rs.getString(2));
        row.put("id", rs.getLong(3));
        row.put("depot", rs.getString(4));
        row.put("item", rs.getString(5));
        row.put("origin", rs.getString(6));
        row.put("document", rs.getString(7));
        java.sql.Date expiry = rs.getDate(8);
        row.put("expiry", expiry == null ? null : expiry.toLocalDate().toString());
        row.put("received", rs.getDate(9).toLocalDate().toString());
        row.put("status", rs.getString(10));
        row.put("quantity", rs.getLong(11));
        Instant created = Sql.getInstant(rs, 12);
        row.put("created", created.toString());
        row.put("onHand", rs.getLong(13));
        row.put("reserved", rs.getLong(14));
        return row;
    }

    /** What the first page announces about the stock section. */
    static Map<String, Object> summary(Connection c, String province, String node) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lots", Jdbc.count(c, "SELECT COUNT(*)" + FROM, Jdbc.args(province)));
        m.put("onHand", Jdbc.count(c, "SELECT SUM(b.on_hand)" + FROM, Jdbc.args(province)));
        m.put("reserved", Jdbc.count(c, "SELECT SUM(b.reserved)" + FROM, Jdbc.args(province)));
        // the province's own lot numbering continues above the highest id it ever gave a lot
        m.put("maxOriginLotId", Jdbc.count(c, "SELECT MAX(origin_lot_id) FROM (SELECT " + ORIGIN_KEY_COLUMNS + FROM
                + ") k WHERE origin_node = ?", Jdbc.args(province, node)));
        return m;
    }
}
