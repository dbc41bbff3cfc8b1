package org.tongpao.transport.internal;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationService;
import org.tongpao.core.persistence.Migrations;

/** The transport schema; it waits for allocation (and so for inventory and core) before migrating. */
@Component(service = TransportDatabase.class)
public class TransportDatabase {
    public static final String MIGRATIONS = "org/tongpao/transport/db/migration";
    public static final String HISTORY_TABLE = "tp_tr_schema_history";

    private final DataSource dataSource;

    @Activate
    public TransportDatabase(@Reference(target = "(dataSourceName=tongpao)") DataSource dataSource,
            @Reference AllocationService allocation) {
        this.dataSource = dataSource;
        Migrations.migrate(dataSource, TransportDatabase.class, MIGRATIONS, HISTORY_TABLE);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
