package org.tongpao.inventory.internal;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The inventory's schema, declared to core's migration extender (which runs the migrations once core's
 * ran and then registers {@link SchemaReady} {@code tongpao.schema=inventory}), and what it needs of core's:
 * its SQL reads core's records only through version 1 of core's published read views ({@code tp_core_v1_*}),
 * and the requirement puts that dependency where the OSGi resolver sees it. Public for the unit-test fixtures
 * of bundles that run the real inventory: {@code Migrations.migrate(ds, InventorySchema.class, MIGRATIONS,
 * HISTORY_TABLE)}, then {@code SchemaReady.of(NAME, ds)}.
 */
@Header(name = SchemaReady.HEADER, value = InventorySchema.NAME + ";migrations=" + InventorySchema.MIGRATIONS
        + ";history=" + InventorySchema.HISTORY_TABLE + ";requires=core")
@Requirement(namespace = "tongpao.schema", filter = "(&(tongpao.schema=core)(version>=1.0.0)(!(version>=2.0.0)))")
public final class InventorySchema {
    public static final String NAME = "inventory";
    public static final String MIGRATIONS = "org/tongpao/inventory/db/migration";
    public static final String HISTORY_TABLE = "tp_inv_schema_history";
    /** The target of a reference to the inventory's {@link SchemaReady}. */
    public static final String READY = "(" + SchemaReady.PROPERTY + "=" + NAME + ")";

    private InventorySchema() {
    }
}
