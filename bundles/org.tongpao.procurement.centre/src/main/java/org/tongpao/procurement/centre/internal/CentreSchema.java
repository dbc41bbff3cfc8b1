package org.tongpao.procurement.centre.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/** The centre's schema ({@code tp_pcc_*}), declared to core's migration extender; it names no other bundle's table. */
@Header(name = SchemaReady.HEADER, value = CentreSchema.NAME + ";migrations=" + CentreSchema.MIGRATIONS
        + ";history=" + CentreSchema.HISTORY_TABLE)
public final class CentreSchema {
    public static final String NAME = "procurement-centre";
    public static final String MIGRATIONS = "org/tongpao/procurement/centre/db/migration";
    public static final String HISTORY_TABLE = "tp_pcc_schema_history";

    private CentreSchema() {
    }
}
