package org.tongpao.inventory.internal;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.persistence.Migrations;

/**
 * Runs the inventory migrations. Takes a core service because core registers its services only after its
 * own migrations ran, and our tables reference {@code tp_depot}, {@code tp_item} and {@code tp_org_unit}.
 * Not {@code DepotService}: it collects every {@code DepotUsage}, ours among them, which needs this
 * component, and that cycle made Declarative Services fail our usage check now and then at start-up.
 */
@Component(service = InventoryDatabase.class)
public class InventoryDatabase {
    static final String MIGRATIONS = "org/tongpao/inventory/db/migration";
    static final String HISTORY_TABLE = "tp_inv_schema_history";

    private final DataSource dataSource;

    @Activate
    public InventoryDatabase(@Reference(target = "(dataSourceName=tongpao)") DataSource dataSource,
            @Reference OrgUnitService coreSchemaReady) {
        this.dataSource = dataSource;
        Migrations.migrate(dataSource, InventoryDatabase.class, MIGRATIONS, HISTORY_TABLE);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
