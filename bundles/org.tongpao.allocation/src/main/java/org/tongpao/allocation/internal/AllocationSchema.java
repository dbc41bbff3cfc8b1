package org.tongpao.allocation.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/**
 * Allocation's schema, declared to core's migration extender; components take
 * {@code @Reference(target = "(tongpao.schema=allocation)") SchemaReady}. It requires core's schema although
 * its migrations name no table of another bundle: approval reads core's {@code tp_depot} under a shared lock
 * in its own transaction ({@code DepotLocks}). Nothing here reads the inventory's tables; stock moves only
 * through {@code InventoryService}, which the services reference.
 */
@Header(name = SchemaReady.HEADER, value = AllocationSchema.NAME + ";migrations=" + AllocationSchema.MIGRATIONS
        + ";history=" + AllocationSchema.HISTORY_TABLE + ";requires=core")
public final class AllocationSchema {
    public static final String NAME = "allocation";
    public static final String MIGRATIONS = "org/tongpao/allocation/db/migration";
    public static final String HISTORY_TABLE = "tp_alloc_schema_history";
    /** The target of a reference to this schema's {@link SchemaReady}. */
    public static final String READY = "(" + SchemaReady.PROPERTY + "=" + NAME + ")";

    private AllocationSchema() {
    }
}
