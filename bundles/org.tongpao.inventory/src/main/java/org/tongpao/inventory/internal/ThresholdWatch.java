package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;

/**
 * LOW_STOCK for every depot × item whose available stock a write lowered to its reorder or minimum level.
 * Read after commit: inside the write it would wait on rows other writers hold while holding its own.
 */
final class ThresholdWatch {

    /** The depot × item pairs that have a threshold, read at a generation of {@link #changed}. */
    private record Thresholded(long generation, Set<List<Long>> pairs) {
    }

    private final DataSource ds;
    private final Balances balances;
    private final StockEvents events;
    private final AtomicLong generation = new AtomicLong();
    private volatile Thresholded thresholded;

    ThresholdWatch(DataSource ds, Balances balances, StockEvents events) {
        this.ds = ds;
        this.balances = balances;
        this.events = events;
    }

    /** Called after every threshold write (committed or not): the next check reads the table again. */
    void changed() {
        generation.incrementAndGet();
        thresholded = null;
    }

    /**
     * Records LOW_STOCK for the pairs a committed write lowered that have a threshold and are at or below it,
     * in a short transaction of its own (only when such a pair exists).
     */
    void check(Tx tx) {
        if (tx.lowered.isEmpty()) {
            return;
        }
        Set<List<Long>> withThreshold = thresholded();
        List<List<Long>> check = tx.lowered.stream().filter(withThreshold::contains).toList();
        if (check.isEmpty()) {
            return;
        }
        Transactions.write(ds, "inventory.low-stock-check", c -> {
            check(c, tx, check);
            return null;
        });
    }

    /**
     * Most depot × item pairs have no threshold, so the set of those that do is kept in memory rather than
     * queried after every write. A read that raced a threshold write is used once but not kept (its
     * generation is stale), so a new threshold is seen by every write that starts after it committed.
     */
    private Set<List<Long>> thresholded() {
        long current = generation.get();
        Thresholded known = thresholded;
        if (known != null && known.generation() == current) {
            return known.pairs();
        }
        Set<List<Long>> pairs = Set.copyOf(Transactions.read(ds, c -> Jdbc.query(c,
                "SELECT depot_id, item_id FROM tp_inv_threshold", List.of(), rs -> List.of(rs.getLong(1), rs.getLong(2)))));
        if (generation.get() == current) {
            thresholded = new Thresholded(current, pairs);
        }
        return pairs;
    }

    private void check(Connection c, Tx tx, List<List<Long>> pairs) throws SQLException {
        for (List<Long> pair : pairs) {
            long depotId = pair.get(0);
            long itemId = pair.get(1);
            long[] levels = Jdbc.one(c, "SELECT minimum_level, reorder_level FROM tp_inv_threshold "
                    + "WHERE depot_id = ? AND item_id = ?", List.of(depotId, itemId),
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(null);
            if (levels == null) {
                continue;
            }
            long available = balances.available(c, depotId, itemId, tx.today);
            if (available <= levels[0] || available <= levels[1]) {
                events.lowStock(c, tx.caller, depotId, itemId, available, levels[0], levels[1]);
            }
        }
    }
}
