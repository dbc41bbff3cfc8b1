package org.tongpao.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test, dropped by {@link #close}. By default it is an in-memory Derby.
 * With {@code -Dtongpao.test.postgres=host:port} it is a new schema in a trust-auth PostgreSQL
 * (user {@code postgres}), so every bundle's suite doubles as its portability check. Published in
 * core's test jar for the other bundles' fixtures.
 */
public final class TestDatabase implements AutoCloseable {
    /** {@code host:port} of the PostgreSQL to run on, or empty for Derby. */
    public static final String POSTGRES = System.getProperty("tongpao.test.postgres", "");

    private final String name = "t" + UUID.randomUUID().toString().replace("-", "");
    private final DataSource dataSource;

    public TestDatabase() {
        dataSource = POSTGRES.isEmpty() ? derby() : postgres();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private DataSource derby() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:" + name);
        derby.setCreateDatabase("create");
        return derby;
    }

    private DataSource postgres() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl("jdbc:postgresql://" + POSTGRES + "/postgres");
        pg.setUser("postgres");
        execute(pg, "CREATE SCHEMA " + name);
        pg.setCurrentSchema(name);
        return pg;
    }

    /**
     * Makes every lock wait on this database give up (almost) at once, so a test can meet a lock timeout:
     * Derby's {@code derby.locks.waitTimeout} of 0 seconds, PostgreSQL's {@code lock_timeout} of 100 ms on
     * every new connection.
     */
    public void shortLockTimeout() {
        if (POSTGRES.isEmpty()) {
            execute(dataSource, "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '0')");
        } else {
            ((PGSimpleDataSource) dataSource).setOptions("-c lock_timeout=100");
        }
    }

    private static void execute(DataSource target, String sql) {
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (!POSTGRES.isEmpty()) {
            execute(dataSource, "DROP SCHEMA " + name + " CASCADE");
            return;
        }
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName("memory:" + name);
        drop.setConnectionAttributes("drop=true");
        try (Connection c = drop.getConnection()) {
            throw new IllegalStateException("Derby did not drop " + name + " (" + c + ")");
        } catch (SQLException expected) {
            // Derby reports a successful drop as SQLState 08006
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("Dropping " + name + " failed", expected);
            }
        }
    }
}
