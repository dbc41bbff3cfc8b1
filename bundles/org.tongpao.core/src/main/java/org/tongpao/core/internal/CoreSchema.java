package org.tongpao.core.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/** Core's own schema, declared to the migration extender like every other bundle's. */
@Header(name = SchemaReady.HEADER, value = CoreSchema.NAME + ";migrations=" + CoreSchema.MIGRATIONS + ";history="
        + CoreSchema.HISTORY_TABLE)
public final class CoreSchema {
    public static final String NAME = "core";
    public static final String MIGRATIONS = "org/tongpao/core/db/migration";
    public static final String HISTORY_TABLE = "tp_core_schema_history";

    private CoreSchema() {
    }
}
