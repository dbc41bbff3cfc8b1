package org.tongpao.federation.inventory.internal.stock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.tongpao.core.internal.outbox.JdbcEventOutbox;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.internal.InventorySchema;

/**
 * One node on a test database of its own: core (demo seed) and the real inventory, recording its events in
 * core's real outbox, which hands them to the forwarders bound to it, as DS would.
 */
final class StockNode implements AutoCloseable {
    private final TestDatabase database = new TestDatabase();
    final DataSource ds = database.dataSource();
    final TestCore core;
    final JdbcEventOutbox outbox;
    final InventoryComponent inventory;

    StockNode(String nodeId) {
        core = new TestCore(ds, TestCore.node(nodeId, true));
        Migrations.migrate(ds, InventorySchema.class, InventorySchema.MIGRATIONS, InventorySchema.HISTORY_TABLE);
        outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        inventory = new InventoryComponent(Configs.of(InventoryComponent.Config.class,
                Map.of("shortDatedDays", 90, "shortDatedScanHours", 0)), SchemaReady.of(InventorySchema.NAME, ds),
                core.audit, core.keys, outbox, core.provinces);
    }

    long id(String table, String code) {
        return number("SELECT id FROM " + table + " WHERE code = '" + code + "'");
    }

    long number(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
