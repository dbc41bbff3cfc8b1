package org.tongpao.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Shared row locks on depots, for a write that binds stock or goods to a depot (a movement, a reservation,
 * an allocation batch). The locks last until the write's transaction ends. Writers share them.
 * {@code DepotService.deactivate} updates the depot row, so it waits until every such write has committed,
 * and then its {@link org.tongpao.core.spi.DepotUsage} checks see what those writes left. A write that
 * starts after the update waits for the deactivation, then reads the depot as inactive (or as active again
 * after a 409).
 *
 * <p>Take the locks before the write touches anything a usage check reads. Then the deactivation never
 * waits on a row the write holds while the write waits on the depot.
 */
public final class DepotLocks {

    /** A depot row as read under its lock. */
    public record LockedDepot(long id, String code, String provinceCode, boolean active) {
    }

    private DepotLocks() {
    }

    /**
     * Reads the depots with these ids and keeps a shared lock on each row until the transaction ends. Rows are
     * locked in id order, so two writers cannot deadlock on them. Unknown ids are absent from the answer.
     */
    public static Map<Long, LockedDepot> lockShared(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, LockedDepot> out = new LinkedHashMap<>();
        String sql = "SELECT id, code, province_code, active FROM tp_depot WHERE id = ?" + Sql.sharedLock(c);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Long id : new TreeSet<>(ids)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(id, new LockedDepot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                    }
                }
            }
        }
        return out;
    }

    /** One depot, locked as {@link #lockShared}; null when there is none with this id. */
    public static LockedDepot lockShared(Connection c, long id) throws SQLException {
        return lockShared(c, java.util.List.of(id)).get(id);
    }
}
