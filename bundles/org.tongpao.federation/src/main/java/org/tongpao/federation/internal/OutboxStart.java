package org.tongpao.federation.internal;

import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;

/**
 * Starts a new database's outbox ids at its creation time in microseconds, once. Message ids are
 * {@code <node>/<outbox id>}, and the peers remember them for ever (the broker's duplicate-id cache, the receiving
 * inbox): a province rebuilt on a fresh database would otherwise send {@code province:42/1} again and see it
 * dropped as a duplicate. Ids that start later than any earlier database of the node could have reached never
 * collide.
 */
final class OutboxStart {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxStart.class);
    static final String NAME = "outbox-start";

    private OutboxStart() {
    }

    static void ensure(DataSource ds, Clock clock) {
        Transactions.write(ds, "federation outbox start", c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM tp_fed_state WHERE name = ?", Jdbc.args(NAME)) > 0) {
                return null;
            }
            long start = Math.max(clock.millis() * 1000, 1 + Jdbc.count(c, "SELECT MAX(id) FROM tp_fed_outbox", Jdbc.args()));
            try (var s = c.createStatement()) {
                s.execute("ALTER TABLE tp_fed_outbox ALTER COLUMN id RESTART WITH " + start);
            }
            Jdbc.update(c, "INSERT INTO tp_fed_state (name, value) VALUES (?, ?)", Jdbc.args(NAME, Long.toString(start)));
            LOG.info("Federation outbox ids of this database start at {}", start);
            return null;
        });
    }
}
