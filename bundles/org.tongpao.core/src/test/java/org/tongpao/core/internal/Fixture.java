package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.core.testing.TestOutbox;

/**
 * A fresh database with the core components wired by hand, as DS would: an in-memory Derby, or,
 * with {@code -Dtongpao.test.postgres=host:port} (a trust-auth server, user postgres), a fresh
 * PostgreSQL schema, so the whole suite doubles as the portability check.
 */
final class Fixture implements AutoCloseable, TestCallers {

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final ProvinceRegistry provinces;
    final NodeIdentity node;
    final CoreSeed db;
    final JdbcAuditTrail audit;
    final JdbcIdempotencyKeys keys;
    final JdbcOrgUnitService units;
    final JdbcCatalogueService catalogue;
    final JdbcDepotService depots;
    final TestOutbox outbox;

    Fixture(boolean demo) {
        ds = database.dataSource();
        node = node("central", demo);
        TestCore core = new TestCore(ds, node);
        provinces = core.provinces;
        db = core.seed;
        audit = core.audit;
        keys = core.keys;
        units = core.units;
        catalogue = core.catalogue;
        depots = core.depots;
        outbox = core.outbox;
    }

    /** Core's migrations run as the extender would, for a test without OSGi. */
    static SchemaReady migrated(DataSource ds) {
        return TestCore.migrate(ds);
    }

    static NodeIdentity node(String id, boolean demo) {
        return TestCore.node(id, demo);
    }

    long count(String table) {
        return countSql("SELECT COUNT(*) FROM " + table);
    }

    long countSql(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts of every core table, to show a rejected write left nothing behind. */
    List<Long> snapshot() {
        return List.of(count("tp_org_unit"), count("tp_item"), count("tp_depot"), count("tp_audit"),
                count("tp_idempotency"), count("tp_category"));
    }

    OrgUnit unit(String code) {
        return units.getByCode(ADMIN, code);
    }

    @Override
    public void close() {
        database.close();
    }
}
