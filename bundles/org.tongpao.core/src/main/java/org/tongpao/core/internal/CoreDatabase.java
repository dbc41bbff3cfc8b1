package org.tongpao.core.internal;

import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.Migrations;

/**
 * The core schema: migrates and seeds at activation, then hands the DataSource to the core
 * services, which reference this component so they only come up once the schema exists.
 */
@Component(service = CoreDatabase.class)
public class CoreDatabase {
    public static final String MIGRATIONS = "org/tongpao/core/db/migration";
    public static final String HISTORY_TABLE = "tp_core_schema_history";

    private final DataSource dataSource;
    private final NodeIdentity node;
    private final ProvinceRegistry provinces;

    @Activate
    public CoreDatabase(@Reference(target = "(dataSourceName=tongpao)") DataSource dataSource,
            @Reference NodeIdentity node, @Reference ProvinceRegistry provinces) {
        this.dataSource = dataSource;
        this.node = node;
        this.provinces = provinces;
        Migrations.migrate(dataSource, CoreDatabase.class, MIGRATIONS, HISTORY_TABLE);
        new Seeder(dataSource, node, provinces).seed();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public NodeIdentity node() {
        return node;
    }

    public ProvinceRegistry provinces() {
        return provinces;
    }
}
