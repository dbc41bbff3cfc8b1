package org.tongpao.allocation.internal;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
import org.tongpao.core.persistence.SchemaReady;

/**
 * Allocation's schema, declared to core's migration extender; components take
 * {@code @Reference(target = "(tongpao.schema=allocation)") SchemaReady}. Its SQL names no table or view of
 * another bundle. It still requires core's schema (version 1 of the contract, as the inventory does): approval
 * takes a shared lock on each source depot's row in its own transaction so that it serialises with a depot's
 * deactivation, and a read view cannot carry a row lock, so it takes that lock through core's API
 * ({@code DepotLocks.lockShared}, core's own SQL) on core's migrated schema. The requirement lets the resolver
 * see that dependency. Nothing here reads the inventory's tables; stock moves only through
 * {@code InventoryService}, which the services reference.
 */
@Header(name = SchemaReady.HEADER, value = AllocationSchema.NAME + ";migrations=" + AllocationSchema.MIGRATIONS
        + ";history=" + AllocationSchema.HISTORY_TABLE + ";requires=core")
@Requirement(namespace = "tongpao.schema", filter = "(&(tongpao.schema=core)(version>=1.0.0)(!(version>=2.0.0)))")
public final class AllocationSchema {
    public static final String NAME = "allocation";
    public static final String MIGRATIONS = "org/tongpao/allocation/db/migration";
    public static final String HISTORY_TABLE = "tp_alloc_schema_history";
    /** The target of a reference to this schema's {@link SchemaReady}. */
    public static final String READY = "(" + SchemaReady.PROPERTY + "=" + NAME + ")";

    private AllocationSchema() {
    }
}
