package org.tongpao.inventory.testing;

import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.TestCore;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.internal.InventorySchema;

/**
 * The real inventory wired by hand on a {@link TestCore}, as the migration extender and DS would: for the fixtures
 * of the bundles that run stock through it (published in the inventory's test jar, like core's testing package).
 * The configuration is the shipped one but with the scheduled short-dated scan off, so no thread outlives a test.
 */
public final class TestInventory {
    private TestInventory() {
    }

    /** The inventory's migrations on {@code ds} (core's must have run), and the {@link SchemaReady} they register. */
    public static SchemaReady migrate(DataSource ds) {
        return TestCore.migrate(ds, InventorySchema.NAME, InventorySchema.class, InventorySchema.MIGRATIONS,
                InventorySchema.HISTORY_TABLE);
    }

    /** Short-dated at 90 days, as shipped; the scheduled scan off. */
    public static InventoryComponent.Config config() {
        return Configs.of(InventoryComponent.Config.class, Map.of("shortDatedDays", 90, "shortDatedScanHours", 0));
    }

    /** The inventory on core's database (its migrations run now), recording its events in core's outbox. */
    public static InventoryComponent on(TestCore core) {
        return on(core, migrate(core.ds), core.outbox);
    }

    /** The inventory on an already migrated {@code schema}, recording its events in {@code outbox}. */
    public static InventoryComponent on(TestCore core, SchemaReady schema, EventOutbox outbox) {
        return new InventoryComponent(config(), schema, core.audit, core.keys, outbox, core.provinces);
    }

    /** As {@link #on(TestCore, SchemaReady, EventOutbox)}, with {@code clock} deciding "today" for expiry. */
    public static InventoryComponent on(TestCore core, SchemaReady schema, EventOutbox outbox, Clock clock) {
        return new InventoryComponent(config(), schema, core.audit, core.keys, outbox, core.provinces, clock);
    }
}
