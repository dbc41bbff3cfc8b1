package org.tongpao.funding.internal;

import org.osgi.annotation.bundle.Header;
import org.tongpao.core.persistence.SchemaReady;

/** The funding schema, declared to core's migration extender. Its tables copy province codes, no foreign keys out. */
@Header(name = SchemaReady.HEADER, value = FundingSchema.NAME + ";migrations=" + FundingSchema.MIGRATIONS
        + ";history=" + FundingSchema.HISTORY + ";requires=core")
public final class FundingSchema {
    public static final String NAME = "funding";
    public static final String MIGRATIONS = "org/tongpao/funding/db/migration";
    public static final String HISTORY = "tp_fund_schema_history";

    private FundingSchema() {
    }
}
