package org.tongpao.federation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;

/**
 * The highest outbox id this node has handed out so far: the rows still in the outbox, those the relay pruned once
 * sent ({@code outbox-pruned-to} in {@code tp_fed_state}, kept by {@link OutboxRows#pruneSent}) and where the
 * numbering started ({@link OutboxStart}). A message queued before the call has this id or a lower one; one queued
 * after, a higher one.
 */
public final class OutboxHighWater {
    static final String PRUNED = "outbox-pruned-to";

    private OutboxHighWater() {
    }

    public static long of(Connection c) throws SQLException {
        long queued = Jdbc.count(c, "SELECT MAX(id) FROM tp_fed_outbox", List.of());
        return Math.max(queued, Math.max(state(c, PRUNED), state(c, OutboxStart.NAME) - 1));
    }

    /** Records that ids up to {@code id} were pruned (never lowers what is recorded). */
    static void pruned(Connection c, long id) throws SQLException {
        long before = state(c, PRUNED);
        if (id <= before) {
            return;
        }
        if (Jdbc.update(c, "UPDATE tp_fed_state SET value = ? WHERE name = ?", Jdbc.args(Long.toString(id), PRUNED)) == 0) {
            Jdbc.update(c, "INSERT INTO tp_fed_state (name, value) VALUES (?, ?)", Jdbc.args(PRUNED, Long.toString(id)));
        }
    }

    private static long state(Connection c, String name) throws SQLException {
        Optional<String> value = Jdbc.one(c, "SELECT value FROM tp_fed_state WHERE name = ?", Jdbc.args(name),
                rs -> rs.getString(1));
        return value.map(Long::parseLong).orElse(0L);
    }
}
