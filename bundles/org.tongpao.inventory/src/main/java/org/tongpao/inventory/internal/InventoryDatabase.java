package org.tongpao.inventory.internal;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.DepotService;
import org.tongpao.core.persistence.Migrations;

/**
 * Runs the inventory migrations. Takes core's {@link DepotService} because core registers its services
 * only after its own migrations ran, and our tables reference {@code tp_depot}, {@code tp_item} and
 * {@code tp_org_unit}.
 */
@Component(service = InventoryDatabase.class)
public class InventoryDatabase {
    static final String MIGRATIONS = "org/tongpao/inventory/db/migration";
    static final String HISTORY_TABLE = "tp_inv_schema_history";

    private final DataSource dataSource;

    @Activate
    public InventoryDatabase(@Reference(target = "(dataSourceName=tongpao)") DataSource dataSource,
            @Reference DepotService coreSchemaReady) {
        this.dataSource = dataSource;
        Migrations.migrate(dataSource, InventoryDatabase.class, MIGRATIONS, HISTORY_TABLE);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
