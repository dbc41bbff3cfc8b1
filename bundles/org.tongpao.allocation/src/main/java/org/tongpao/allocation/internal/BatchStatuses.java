package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;

/** A batch's status after approval, derived from its lines' states. */
final class BatchStatuses {

    private BatchStatuses() {
    }

    /**
     * The batch's status derived from its lines, stored under the batch row's lock (taken first, so two
     * shipments of one batch dispatched or received at once each see the other's committed lines).
     */
    static BatchStatus refresh(Connection c, long batchId) throws SQLException {
        BatchDao.update(c, "UPDATE tp_alloc_batch SET status = status WHERE id = ?", batchId);
        Batch cur = BatchDao.get(c, batchId).batch();
        BatchStatus s = derived(cur.status(), cur.lines().stream().map(BatchLine::status).toList());
        if (s != cur.status()) {
            BatchDao.update(c, "UPDATE tp_alloc_batch SET status = ? WHERE id = ?", s.name(), batchId);
        }
        return s;
    }

    /**
     * After approval: APPROVED while every line waits at its sending depot, PARTLY_DISPATCHED while some do
     * (whatever the others' state), then DISPATCHED, PARTLY_RECEIVED and RECEIVED as lines are confirmed.
     */
    static BatchStatus derived(BatchStatus current, List<String> lines) {
        if (current == BatchStatus.RESERVING || current == BatchStatus.FAILED || lines.isEmpty()) {
            return current;
        }
        // an instructed line waits at its sending depot like a reserved one, on the node keeping it
        long reserved = lines.stream().filter(s -> "RESERVED".equals(s) || CrossNodeBatches.INSTRUCTED.equals(s)).count();
        long received = lines.stream().filter("RECEIVED"::equals).count();
        long returned = lines.stream().filter(BatchReturns.RETURNED::equals).count();
        if (reserved == lines.size()) {
            return BatchStatus.APPROVED;
        }
        if (reserved > 0) {
            return BatchStatus.PARTLY_DISPATCHED;
        }
        if (received + returned == lines.size()) {
            return received > 0 ? BatchStatus.RECEIVED : BatchStatus.RETURNED;
        }
        return received > 0 ? BatchStatus.PARTLY_RECEIVED : BatchStatus.DISPATCHED;
    }

    /** Every line has left its sending depot. */
    static boolean allLeft(BatchStatus s) {
        return s == BatchStatus.DISPATCHED || s == BatchStatus.PARTLY_RECEIVED || s == BatchStatus.RECEIVED
                || s == BatchStatus.RETURNED;
    }

    /** Some lines still wait at their sending depot. */
    static boolean waiting(BatchStatus s) {
        return s == BatchStatus.APPROVED || s == BatchStatus.PARTLY_DISPATCHED;
    }
}
