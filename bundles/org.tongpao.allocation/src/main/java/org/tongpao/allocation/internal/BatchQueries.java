package org.tongpao.allocation.internal;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Transactions;

/** Batches as the caller may see them: ministry and auditors all, a province its own, a depot keeper its depot's. */
final class BatchQueries {
    private final DataSource ds;
    private final AllocationScope scope;

    BatchQueries(DataSource ds, AllocationScope scope) {
        this.ds = ds;
        this.scope = scope;
    }

    Page<Batch> batches(Caller caller, BatchStatus status, int limit, String cursor) {
        AllocationScope.requireReader(caller);
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE) {
            where.append(" AND (province_code = ? OR from_province = ?)");
            args.add(caller.provinceCode());
            args.add(caller.provinceCode());
        } else if (ScopeRules.readReach(caller) == ScopeRules.Reach.DEPOT) {
            // a depot keeper sees the batches that send from or deliver to its depot
            long depot = scope.depotOfCaller(caller).orElse(-1L);
            where.append(" AND id IN (SELECT batch_id FROM tp_alloc_batch_line WHERE from_depot_id = ? OR to_depot_id = ?)");
            args.add(depot);
            args.add(depot);
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        List<Batch> rows = Transactions.read(ds, c -> BatchDao.query(c, where.toString(), args,
                Paging.orderAndFetch("id", limit), false)).stream().map(BatchDao.Row::batch).toList();
        return Paging.page(rows, limit, Batch::id);
    }

    Batch batch(Caller caller, long id) {
        Batch b = BatchDao.read(ds, id).batch();
        ScopeRules.requireVisible(scope.canSeeBatch(caller, b), "Batch", id);
        return b;
    }
}
