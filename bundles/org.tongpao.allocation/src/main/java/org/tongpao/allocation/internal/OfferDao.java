package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.OfferStatus;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** SQL for mutual-aid offers. */
final class OfferDao {
    private OfferDao() {
    }

    static List<MutualAidOffer> query(Connection c, String where, List<Object> args, String tail) throws SQLException {
        return Jdbc.query(c, "SELECT id, from_province, from_depot_id, item_id, quantity, to_province, note, status, "
                + "offered_by, offered_at, decided_by, decided_at, batch_id FROM tp_alloc_offer WHERE " + where
                + (tail == null ? "" : tail), args, rs -> new MutualAidOffer(rs.getLong("id"),
                        rs.getString("from_province"), rs.getLong("from_depot_id"), rs.getLong("item_id"),
                        rs.getLong("quantity"), rs.getString("to_province"), rs.getString("note"),
                        OfferStatus.valueOf(rs.getString("status")), rs.getString("offered_by"),
                        Sql.getInstant(rs, "offered_at"), rs.getString("decided_by"), Sql.getInstant(rs, "decided_at"),
                        Sql.getLong(rs, "batch_id")));
    }

    static MutualAidOffer get(Connection c, long id) throws SQLException {
        List<MutualAidOffer> rows = query(c, "id = ?", List.of(id), null);
        if (rows.isEmpty()) {
            throw new NotFoundException("Mutual-aid offer", id);
        }
        return rows.get(0);
    }
}
