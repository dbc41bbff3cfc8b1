package org.tongpao.donation.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The donation schema, declared to core's migration extender, which runs it once core's ran and then registers
 * {@link SchemaReady} {@code tongpao.schema=donation}. Its tables copy the ids and codes of items, depots, org
 * units and lots instead of referencing other bundles' tables.
 */
@Header(name = SchemaReady.HEADER, value = DonationSchema.NAME + ";migrations=" + DonationSchema.MIGRATIONS
        + ";history=" + DonationSchema.HISTORY + ";requires=core")
public final class DonationSchema {
    public static final String NAME = "donation";
    public static final String MIGRATIONS = "org/tongpao/donation/db/migration";
    public static final String HISTORY = "tp_don_schema_history";
    /** The target of a reference to the donation's {@link SchemaReady}. */
    public static final String READY = "(" + SchemaReady.PROPERTY + "=" + NAME + ")";

    private DonationSchema() {
    }
}
