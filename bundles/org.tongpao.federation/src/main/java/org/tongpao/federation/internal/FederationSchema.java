package org.tongpao.federation.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/** Federation's schema (outbox, inbox, parked messages), declared to core's migration extender. */
@Header(name = SchemaReady.HEADER, value = FederationSchema.NAME + ";migrations=" + FederationSchema.MIGRATIONS
        + ";history=" + FederationSchema.HISTORY_TABLE + ";requires=core")
public final class FederationSchema {
    public static final String NAME = "federation";
    public static final String MIGRATIONS = "org/tongpao/federation/db/migration";
    public static final String HISTORY_TABLE = "tp_fed_schema_history";

    private FederationSchema() {
    }
}
