package org.tongpao.core.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a bundle's Flyway migrations. Several bundles share one schema, so each owns its own
 * history table (and table prefix), and a schema that already holds other bundles' tables is
 * baselined at version 0 rather than refused.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * @param owner        a class of the bundle that holds the scripts (its class loader finds them)
     * @param location     resource folder, e.g. {@code org/tongpao/core/db/migration}
     * @param historyTable e.g. {@code tp_core_schema_history}
     * @return the number of migrations applied now (0 when up to date)
     */
    public static int migrate(DataSource ds, Class<?> owner, String location, String historyTable) {
        return migrate(ds, owner.getClassLoader(), location, historyTable);
    }

    /**
     * As {@link #migrate(DataSource, Class, String, String)}, finding the scripts through {@code loader}
     * (the migration extender passes the declaring bundle's).
     *
     * @since 2.3
     */
    public static int migrate(DataSource ds, ClassLoader loader, String location, String historyTable) {
        try {
            MigrateResult result = Flyway.configure(loader)
                    .dataSource(ds)
                    .locations("classpath:" + location)
                    .table(historyTable)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info("Schema {} at version {} ({} migration(s) applied)", historyTable,
                    result.targetSchemaVersion, result.migrationsExecuted);
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new DataAccessException("Migrations of " + historyTable + " failed: " + e.getMessage(), e);
        }
    }
}
