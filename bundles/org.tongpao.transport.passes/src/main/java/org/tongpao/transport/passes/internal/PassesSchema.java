package org.tongpao.transport.passes.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/** The passes schema, declared to core's migration extender; its tables copy shipment ids, they reference none. */
@Header(name = SchemaReady.HEADER, value = PassesSchema.NAME + ";migrations=" + PassesSchema.MIGRATIONS
        + ";history=" + PassesSchema.HISTORY_TABLE + ";requires=core")
public final class PassesSchema {
    public static final String NAME = "passes";
    public static final String MIGRATIONS = "org/tongpao/transport/passes/db/migration";
    public static final String HISTORY_TABLE = "tp_pass_schema_history";

    private PassesSchema() {
    }
}
