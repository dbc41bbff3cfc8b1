package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * How recent each depot's replica is ({@code tp_inv_replica_depot}): as of its latest posting's time, a late,
 * back-dated posting not making it older. Postings applied inside one enclosing transaction (federation's inbox
 * applying the messages that arrived together) are gathered here and each depot's row is written once, just before
 * the commit: one read and one write per depot instead of per message, and the row every message of that depot
 * updates is locked only until the commit.
 */
final class ReplicaAges implements Transactions.BeforeCommit {

    /** A posting's share: its depot's replica is as of {@code occurredAt} (or later), applied at {@code appliedAt}. */
    record Age(long depotId, String node, Instant occurredAt, Instant appliedAt) {

        /** The later of both: the newest posting time, the last application. */
        Age and(Age other) {
            return new Age(depotId, other.node, occurredAt.isAfter(other.occurredAt) ? occurredAt : other.occurredAt,
                    appliedAt.isAfter(other.appliedAt) ? appliedAt : other.appliedAt);
        }

        /** Writes the depot's row: newer wins, a back-dated posting leaves the time as it was. */
        void write(Connection c) throws SQLException {
            Optional<Instant> last = Jdbc.one(c, "SELECT last_occurred_at FROM tp_inv_replica_depot WHERE depot_id = ?",
                    List.of(depotId), rs -> Sql.getInstant(rs, "last_occurred_at"));
            Instant asOf = last.filter(t -> t.isAfter(occurredAt)).orElse(occurredAt);
            if (last.isPresent()) {
                Jdbc.update(c, "UPDATE tp_inv_replica_depot SET origin_node = ?, last_occurred_at = ?, "
                        + "last_applied_at = ? WHERE depot_id = ?", List.of(node, asOf, appliedAt, depotId));
            } else {
                Jdbc.update(c, "INSERT INTO tp_inv_replica_depot (depot_id, origin_node, last_occurred_at, "
                        + "last_applied_at) VALUES (?, ?, ?, ?)", List.of(depotId, node, asOf, appliedAt));
            }
        }
    }

    /** By depot id, so the rows are locked in one order whatever order the postings came in. */
    private final SortedMap<Long, Age> latest = new TreeMap<>();

    /** Adds an applied posting's share (only once its write succeeded: a rolled-back one must not count). */
    void add(Age age) {
        latest.merge(age.depotId(), age, Age::and);
    }

    @Override
    public void run(Connection c) throws SQLException {
        for (Age age : latest.values()) {
            age.write(c);
        }
    }
}
