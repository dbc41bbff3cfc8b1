package org.tongpao.federation.inventory.internal.rebuild;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The schema of the federation inventory bundle (the rebuild's progress and the origin keys of restored lots),
 * declared to core's migration extender. It reads core only through its published views and writes the
 * inventory's lot, balance, posting and movement tables when it restores a province.
 */
@Header(name = SchemaReady.HEADER, value = RebuildSchema.NAME + ";migrations=" + RebuildSchema.MIGRATIONS
        + ";history=" + RebuildSchema.HISTORY_TABLE + ";requires=\"core,inventory\"")
@Requirement(namespace = "tongpao.schema", filter = "(&(tongpao.schema=core)(version>=1.0.0)(!(version>=2.0.0)))")
public final class RebuildSchema {
    public static final String NAME = "federation-inventory";
    public static final String MIGRATIONS = "org/tongpao/federation/inventory/db/migration";
    public static final String HISTORY_TABLE = "tp_fedinv_schema_history";
    public static final String READY = "(" + SchemaReady.PROPERTY + "=" + NAME + ")";

    private RebuildSchema() {
    }
}
