package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.spi.DepotUsage;

/**
 * Core's "is this depot still in use?" check for allocation: a depot that a batch being approved or
 * approved (its line not yet dispatched) delivers to cannot be deactivated. (Its sending side holds reserved stock,
 * which the inventory's check already counts.)
 */
@Component(service = DepotUsage.class)
public class AllocationDepotUsage implements DepotUsage {

    @Activate
    public AllocationDepotUsage(@Reference(target = AllocationSchema.READY) SchemaReady schema) {
        // the tables exist; the check runs on the deactivation's own connection
    }

    @Override
    public Optional<String> inUse(Connection c, long depotId) throws SQLException {
        long batches = Jdbc.count(c, "SELECT COUNT(DISTINCT b.id) FROM tp_alloc_batch b "
                + "JOIN tp_alloc_batch_line l ON l.batch_id = b.id "
                + "WHERE l.to_depot_id = ? AND (b.status = 'RESERVING' OR (b.status IN ('APPROVED', 'PARTLY_DISPATCHED') "
                + "AND l.status = 'RESERVED'))", Jdbc.args(depotId));
        return batches == 0 ? Optional.empty()
                : Optional.of(batches + " allocation batch(es) not yet dispatched deliver to it");
    }
}
