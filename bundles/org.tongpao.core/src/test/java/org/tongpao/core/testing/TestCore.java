package org.tongpao.core.testing;

import javax.sql.DataSource;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.internal.CoreSchema;
import org.tongpao.core.internal.CoreSeed;
import org.tongpao.core.internal.CsvProvinceRegistry;
import org.tongpao.core.internal.JdbcAuditTrail;
import org.tongpao.core.internal.JdbcCatalogueService;
import org.tongpao.core.internal.JdbcDepotService;
import org.tongpao.core.internal.JdbcIdempotencyKeys;
import org.tongpao.core.internal.JdbcOrgUnitService;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;

/**
 * Core wired by hand on a test database, as DS and the migration extender would: core's migrations,
 * the seed, the event outbox ({@link TestOutbox}) and the core services. For the fixtures of every bundle that builds on core.
 */
public final class TestCore {
    public final DataSource ds;
    public final NodeIdentity node;
    public final CsvProvinceRegistry provinces = new CsvProvinceRegistry();
    /** What the extender registers once core's migrations ran. */
    public final SchemaReady schema;
    public final CoreSeed seed;
    public final JdbcAuditTrail audit;
    public final JdbcIdempotencyKeys keys;
    public final JdbcOrgUnitService units;
    public final JdbcCatalogueService catalogue;
    public final JdbcDepotService depots;
    /** The outbox the core services record their events in; {@code outbox.events()} shows what they posted. */
    public final TestOutbox outbox;

    public TestCore(DataSource ds, NodeIdentity node) {
        this.ds = ds;
        this.node = node;
        schema = migrate(ds);
        seed = new CoreSeed(schema, node, provinces);
        outbox = new TestOutbox(ds);
        audit = new JdbcAuditTrail(seed, node);
        keys = new JdbcIdempotencyKeys(seed);
        units = new JdbcOrgUnitService(seed, audit, keys, outbox);
        catalogue = new JdbcCatalogueService(seed, audit, keys, outbox);
        depots = new JdbcDepotService(seed, audit, keys, outbox);
    }

    /** Core's migrations on {@code ds}, and the {@link SchemaReady} the extender would register. */
    public static SchemaReady migrate(DataSource ds) {
        return migrate(ds, CoreSchema.NAME, CoreSchema.class, CoreSchema.MIGRATIONS, CoreSchema.HISTORY_TABLE);
    }

    /**
     * A bundle's migrations (the values of its {@code SchemaReady.HEADER}) on {@code ds}, and the {@link SchemaReady}
     * the extender would register for it. Migrate what a bundle requires first, as the extender does.
     */
    public static SchemaReady migrate(DataSource ds, String name, Class<?> owner, String migrations, String history) {
        Migrations.migrate(ds, owner, migrations, history);
        return SchemaReady.of(name, ds);
    }

    /** The id of the item with this code (seeded or created), looked up as the ministry admin. */
    public long itemId(String code) {
        return catalogue.getByCode(TestCallers.ADMIN, code).id();
    }

    /** The id of the depot with this code, looked up as the ministry admin. */
    public long depotId(String code) {
        return depots.getByCode(TestCallers.ADMIN, code).id();
    }

    /** The id of the org unit with this code, looked up as the ministry admin. */
    public long unitId(String code) {
        return units.getByCode(TestCallers.ADMIN, code).id();
    }

    /** A node identity for tests: {@code central} or {@code province:<code>}, demo data or not. */
    public static NodeIdentity node(String id, boolean demo) {
        return new TestNode(id, demo);
    }

    private record TestNode(String id, boolean demo) implements NodeIdentity {
    }
}
