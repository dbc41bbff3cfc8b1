package org.tongpao.transport.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The transport schema, declared to core's migration extender. It requires no other schema: its tables copy the
 * ids and codes of depots and batches instead of referencing other bundles' tables (see V1).
 */
@Header(name = SchemaReady.HEADER, value = TransportSchema.NAME + ";migrations=" + TransportSchema.MIGRATIONS
        + ";history=" + TransportSchema.HISTORY_TABLE)
public final class TransportSchema {
    public static final String NAME = "transport";
    public static final String MIGRATIONS = "org/tongpao/transport/db/migration";
    public static final String HISTORY_TABLE = "tp_tr_schema_history";

    private TransportSchema() {
    }
}
