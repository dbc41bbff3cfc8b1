package org.tongpao.allocation.internal;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.inventory.InventoryService;

/**
 * The allocation schema. It references the inventory and the org-unit services first, so the core and
 * inventory schemas exist before these migrations run and before any allocation service comes up.
 */
@Component(service = AllocationDatabase.class)
public class AllocationDatabase {
    public static final String MIGRATIONS = "org/tongpao/allocation/db/migration";
    public static final String HISTORY_TABLE = "tp_alloc_schema_history";

    private final DataSource dataSource;

    @Activate
    public AllocationDatabase(@Reference(target = "(dataSourceName=tongpao)") DataSource dataSource,
            @Reference InventoryService inventory, @Reference OrgUnitService units) {
        this.dataSource = dataSource;
        Migrations.migrate(dataSource, AllocationDatabase.class, MIGRATIONS, HISTORY_TABLE);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
