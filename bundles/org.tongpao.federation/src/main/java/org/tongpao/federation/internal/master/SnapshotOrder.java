package org.tongpao.federation.internal.master;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.Message;

/**
 * Newer wins for master-data snapshots: a snapshot applies only when it is newer than the last one of the same
 * record applied here, so a parked snapshot retried after a newer one, or an old copy redelivered after the inbox's
 * retention forgot its id, never puts an older state back. "Newer" is the sending node's outbox sequence, the number
 * after the last {@code /} of the message id (see {@code V4__snapshot_order.sql}). At central the same table holds the
 * newest snapshot of each record it sent (the highest id of the change's messages, {@link MasterDataForwarder}), which
 * the rebuild stream carries so that the rebuilt node records it too ({@link MasterDataSequences}).
 */
final class SnapshotOrder {
    private final DataSource ds;

    SnapshotOrder(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Whether {@code m}, a snapshot of record {@code key}, is newer than the one applied here before; if so it is
     * recorded as the newest, in the inbox's transaction (so a failure of the handler rolls it back too).
     */
    boolean claim(String type, String key, Message m) {
        long seq = seq(m.id());
        if (seq < 0) {
            return true; // not a relay's id (never from a real link): nothing to order by
        }
        return Transactions.write(ds, "federation snapshot order", c -> claim(c, type, key, seq, m.id()));
    }

    /**
     * Records {@code seq} as the newest snapshot of record {@code key} on the caller's transaction when it is newer
     * than the one recorded; false (nothing recorded) when the same or a newer one is.
     */
    static boolean claim(Connection c, String type, String key, long seq, String messageId) throws SQLException {
        Optional<Long> last = Jdbc.one(c, "SELECT seq FROM tp_fed_snapshot WHERE type = ? AND record_key = ?",
                List.of(type, key), rs -> rs.getLong(1));
        if (last.isPresent() && last.get() >= seq) {
            return false;
        }
        if (last.isPresent()) {
            Jdbc.update(c, "UPDATE tp_fed_snapshot SET seq = ?, message_id = ? WHERE type = ? AND record_key = ?",
                    Jdbc.args(seq, messageId, type, key));
        } else {
            Jdbc.update(c, "INSERT INTO tp_fed_snapshot (type, record_key, seq, message_id) VALUES (?, ?, ?, ?)",
                    Jdbc.args(type, key, seq, messageId));
        }
        return true;
    }

    /** The recorded sequence of each of {@code keys} that has one. */
    static Map<String, Long> recorded(Connection c, String type, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        for (String key : keys) {
            Jdbc.one(c, "SELECT seq FROM tp_fed_snapshot WHERE type = ? AND record_key = ?", List.of(type, key),
                    rs -> rs.getLong(1)).ifPresent(seq -> found.put(key, seq));
        }
        return found;
    }

    static long seq(String messageId) {
        try {
            return Long.parseLong(messageId.substring(messageId.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
