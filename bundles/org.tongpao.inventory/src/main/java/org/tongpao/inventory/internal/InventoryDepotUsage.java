package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.spi.DepotUsage;
import org.tongpao.inventory.Transfer;
import org.tongpao.core.persistence.Jdbc;

/**
 * Core's "is this depot still in use?" check for the inventory: a depot that holds stock (on hand or
 * reserved) or expects goods in transit cannot be deactivated. Registered only once the inventory schema
 * exists (core's migration extender registers its {@link SchemaReady}).
 */
@Component(service = DepotUsage.class)
public class InventoryDepotUsage implements DepotUsage {

    @Activate
    public InventoryDepotUsage(@Reference(target = InventorySchema.READY) SchemaReady schema) {
        // the tables exist; the check runs on the deactivation's own connection
    }

    @Override
    public Optional<String> inUse(Connection c, long depotId) throws SQLException {
        List<String> reasons = new ArrayList<>();
        long[] stock = Jdbc.one(c, "SELECT COALESCE(SUM(on_hand), 0), COALESCE(SUM(reserved), 0) "
                + "FROM tp_inv_balance WHERE depot_id = ?", List.of(depotId),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(null);
        if (stock[0] > 0 || stock[1] > 0) {
            reasons.add("it holds " + stock[0] + " on hand (" + stock[1] + " of it reserved)");
        }
        long[] transit = Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(quantity), 0) FROM tp_inv_transfer "
                + "WHERE to_depot_id = ? AND transfer_status = ?", List.of(depotId, Transfer.Status.IN_TRANSIT),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(null);
        if (transit[0] > 0) {
            reasons.add(transit[0] + " transfer(s) of " + transit[1] + " are in transit to it");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", reasons));
    }
}
