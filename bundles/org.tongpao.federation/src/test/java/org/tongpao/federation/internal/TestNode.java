package org.tongpao.federation.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.federation.MessageHandler;

/** One node for the tests: its own database (core and federation migrated) and its federation component. */
final class TestNode implements AutoCloseable {
    final TestDatabase db = new TestDatabase();
    final TestCore core;
    final String id;
    FederationComponent federation;

    TestNode(String id) {
        this.id = id;
        core = new TestCore(db.dataSource(), TestCore.node(id, false));
        Migrations.migrate(db.dataSource(), FederationSchema.class, FederationSchema.MIGRATIONS,
                FederationSchema.HISTORY_TABLE);
    }

    /** Starts (or restarts) the federation component with a broker (null: passive) and these provinces. */
    TestNode start(String broker, String... provinces) {
        stop();
        federation = new FederationComponent(db.dataSource(), id, core.audit,
                new Settings(broker == null ? "" : broker, null, null, Set.of(provinces), 100, 50, 7, 30),
                Clock.systemUTC());
        return this;
    }

    void stop() {
        if (federation != null) {
            federation.deactivate();
            federation = null;
        }
    }

    /** Sends one message in its own transaction; returns its id. */
    String send(String to, String type, String version, Map<String, ?> body) {
        return Transactions.write(db.dataSource(), "test send",
                c -> federation.send(c, to, type, version, Instant.parse("2026-12-01T10:00:00Z"), body));
    }

    void register(String type, int major, MessageHandler handler) {
        federation.addHandler(handler, Map.of(MessageHandler.TYPE, type, MessageHandler.MAJOR, major));
    }

    long count(String sql) {
        return Transactions.read(db.dataSource(), c -> org.tongpao.core.persistence.Jdbc.count(c, sql, java.util.List.of()));
    }

    void execute(String sql) {
        Transactions.write(db.dataSource(), "test", c -> org.tongpao.core.persistence.Jdbc.update(c, sql, java.util.List.of()));
    }

    Connection connection() throws java.sql.SQLException {
        return db.dataSource().getConnection();
    }

    @Override
    public void close() {
        stop();
        db.close();
    }
}
