package org.tongpao.allocation.internal;

import java.util.List;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;

/** Batches as the caller may see them: ministry and auditors all, a province its own, a depot keeper its depot's. */
final class BatchQueries {
    private final AllocationContext ctx;

    BatchQueries(AllocationContext ctx) {
        this.ctx = ctx;
    }

    Page<Batch> batches(Caller caller, BatchStatus status, int limit, String cursor) {
        AllocationScope.requireReader(caller);
        Where where = Where.after(cursor);
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE) {
            where.and("(province_code = ? OR from_province = ?)", caller.provinceCode(), caller.provinceCode());
        } else if (ScopeRules.readReach(caller) == ScopeRules.Reach.DEPOT) {
            // a depot keeper sees the batches that send from or deliver to its depot
            long depot = ctx.scope().depotOfCaller(caller).orElse(-1L);
            where.and("id IN (SELECT batch_id FROM tp_alloc_batch_line WHERE from_depot_id = ? OR to_depot_id = ?)",
                    depot, depot);
        }
        if (status != null) {
            where.and("status = ?", status.name());
        }
        List<Batch> rows = Transactions.read(ctx.ds(), c -> BatchDao.query(c, where.sql(), where.args(),
                Paging.orderAndFetch("id", limit), false)).stream().map(BatchDao.Row::batch).toList();
        return Paging.page(rows, limit, Batch::id);
    }

    Batch batch(Caller caller, long id) {
        Batch b = BatchDao.read(ctx.ds(), id).batch();
        ScopeRules.requireVisible(ctx.scope().canSeeBatch(caller, b), "Batch", id);
        return b;
    }
}
