package org.tongpao.procurement.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The procurement schema, declared to core's migration extender, which runs it once core's ran and then
 * registers {@link SchemaReady} {@code tongpao.schema=procurement}. Its tables copy the ids and codes of items,
 * depots, lots and budget lines instead of referencing other bundles' tables. V1 is this bundle's; V2 belongs to
 * the channels (package {@code internal.channels}).
 */
@Header(name = SchemaReady.HEADER, value = ProcurementSchema.NAME + ";migrations=" + ProcurementSchema.MIGRATIONS
        + ";history=" + ProcurementSchema.HISTORY + ";requires=core")
public final class ProcurementSchema {
    public static final String NAME = "procurement";
    public static final String MIGRATIONS = "org/tongpao/procurement/db/migration";
    public static final String HISTORY = "tp_proc_schema_history";
    /** The target of a reference to the procurement's {@link SchemaReady}. */
    public static final String READY = "(" + SchemaReady.PROPERTY + "=" + NAME + ")";

    private ProcurementSchema() {
    }
}
