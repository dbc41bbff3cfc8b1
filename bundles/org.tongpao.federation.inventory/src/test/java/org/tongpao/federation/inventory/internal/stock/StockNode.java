package org.tongpao.federation.inventory.internal.stock;

import java.util.List;
import javax.sql.DataSource;
import org.tongpao.core.internal.outbox.JdbcEventOutbox;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;

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
        outbox = new JdbcEventOutbox(ds, Runnable::run, null);
        inventory = TestInventory.on(core, TestInventory.migrate(ds), outbox);
    }

    long id(String table, String code) {
        return number("SELECT id FROM " + table + " WHERE code = '" + code + "'");
    }

    /** The first column of the first row of a query that answers one number (an id, a count). */
    long number(String sql) {
        return Transactions.read(ds, c -> Jdbc.count(c, sql, List.of()));
    }

    @Override
    public void close() {
        database.close();
    }
}
