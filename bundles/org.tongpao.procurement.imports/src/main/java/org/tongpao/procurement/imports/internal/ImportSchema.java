package org.tongpao.procurement.imports.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/** International import's schema ({@code tp_pimp_*}), declared to core's migration extender; it names no other bundle's table. */
@Header(name = SchemaReady.HEADER, value = ImportSchema.NAME + ";migrations=" + ImportSchema.MIGRATIONS
        + ";history=" + ImportSchema.HISTORY_TABLE)
public final class ImportSchema {
    public static final String NAME = "procurement-import";
    public static final String MIGRATIONS = "org/tongpao/procurement/imports/db/migration";
    public static final String HISTORY_TABLE = "tp_pimp_schema_history";

    private ImportSchema() {
    }
}
