package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.federation.inventory.internal.stock.LotOrigins;

/**
 * The production {@link LotOrigins}: the origin keys the rebuild kept in {@code tp_fedinv_lot_origin} for the lots
 * it restored under a new local id (central's own lots of the province's depots). Read on the forwarder's
 * connection, so inside the write's transaction.
 */
@Component(service = LotOrigins.class)
public class RestoredLotOrigins implements LotOrigins {

    /** Active once this bundle's schema (the origin table) is migrated; the forwarder waits for this service. */
    @Activate
    public RestoredLotOrigins(@Reference(target = RebuildSchema.READY) SchemaReady schema) {
        // nothing to keep: every read runs on the caller's connection
    }

    @Override
    public Map<Long, Origin> of(Connection c, Collection<Long> lotIds) throws SQLException {
        if (lotIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(lotIds);
        Map<Long, Origin> found = new HashMap<>();
        Jdbc.query(c, "SELECT lot_id, origin_node, origin_lot_id FROM tp_fedinv_lot_origin WHERE lot_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids,
                rs -> found.put(rs.getLong(1), new Origin(rs.getString(2), rs.getLong(3))));
        return found;
    }
}
