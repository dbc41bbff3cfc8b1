package org.tongpao.allocation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.Caller;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;

/**
 * Goods of one shipment's lines that come back (their carrier cancelled or returned them after hand-over, or
 * they were recalled): back into the sending depot through the inventory, or noted as carried on by another
 * shipment. The sending side acts, as for a dispatch.
 */
final class BatchReturns {
    static final String RETURNED = "RETURNED";

    private final AllocationContext ctx;
    private final BatchDispatch dispatch;

    BatchReturns(AllocationContext ctx, BatchDispatch dispatch) {
        this.ctx = ctx;
        this.dispatch = dispatch;
    }

    Batch returnLines(Caller caller, long batchId, Collection<Long> lineIds, String note, String key) {
        List<BatchLine> pair = lines(caller, batchId, lineIds);
        Batch b = BatchDao.read(ctx.ds(), batchId).batch();
        String why = reason(note, "returned to the sending depot");
        if (key != null) {
            IdempotencyKeys.validateKey(key);
        }
        List<Integer> back = new ArrayList<>();
        for (BatchLine line : pair) {
            if (!"DISPATCHED".equals(line.status())) {
                continue; // received lines stay received; returned ones are done (a retry)
            }
            ctx.inventory().returnTransfer(caller, line.transferId(), why,
                    LineKeys.derivedKey(key, batchId, "return", line.lineNo()));
            Transactions.inTransaction(ctx.ds(), c -> BatchDao.update(c, "UPDATE tp_alloc_batch_line SET status = '"
                    + RETURNED + "', reason = ? WHERE id = ? AND status = 'DISPATCHED'", why, line.id()));
            back.add(line.lineNo());
        }
        if (back.isEmpty()) {
            return b;
        }
        ctx.keys().execute(ctx.ds(), caller, key, "allocation.batch.return:" + batchId, Map.of("note", why,
                "lineIds", List.copyOf(lineIds)), c -> {
                    BatchStatus after = BatchStatuses.refresh(c, batchId);
                    ctx.audit().record(c, caller, "allocation-batch", Long.toString(batchId), "RETURN", null,
                            Map.of("lines", back, "status", after.name(), "reason", why));
                    ctx.events().record(c, AllocationTopics.BATCH_LINES_RETURNED, caller, batchId, b.provinceCode(),
                            Map.of("number", b.number(), "lineNos", back));
                    return new IdempotencyKeys.Ref("allocation-batch", Long.toString(batchId));
                });
        return BatchDao.read(ctx.ds(), batchId).batch();
    }

    Batch noteLines(Caller caller, long batchId, Collection<Long> lineIds, String note, String key) {
        String why = reason(note, null);
        List<BatchLine> moving = lines(caller, batchId, lineIds).stream()
                .filter(l -> "DISPATCHED".equals(l.status())).toList();
        ctx.keys().execute(ctx.ds(), caller, key, "allocation.batch.note:" + batchId, Map.of("note", why,
                "lineIds", List.copyOf(lineIds)), c -> {
                    for (BatchLine l : moving) {
                        BatchDao.update(c, "UPDATE tp_alloc_batch_line SET reason = ? WHERE id = ?", why, l.id());
                    }
                    ctx.audit().record(c, caller, "allocation-batch", Long.toString(batchId), "NOTE", null,
                            Map.of("lines", moving.stream().map(BatchLine::lineNo).toList(), "reason", why));
                    return new IdempotencyKeys.Ref("allocation-batch", Long.toString(batchId));
                });
        return BatchDao.read(ctx.ds(), batchId).batch();
    }

    /**
     * The given lines of the batch, which must leave one depot: the sending side (its province, or ministry roles)
     * acts, as for their dispatch.
     */
    private List<BatchLine> lines(Caller caller, long batchId, Collection<Long> lineIds) {
        if (lineIds == null || lineIds.isEmpty()) {
            throw new ValidationException("lineIds", "name the lines whose goods come back");
        }
        AllocationScope.requireWriter(caller, "allocation batches");
        Batch visible = BatchDao.read(ctx.ds(), batchId).batch();
        ScopeRules.requireVisible(ctx.scope().canSeeBatch(caller, visible), "Batch", batchId);
        List<BatchLine> chosen = visible.lines().stream().filter(l -> lineIds.contains(l.id())).toList();
        if (chosen.size() != new java.util.HashSet<>(lineIds).size()) {
            throw new ValidationException("lineIds", "batch " + visible.number() + " has no line " + lineIds.stream()
                    .filter(id -> chosen.stream().noneMatch(l -> l.id() == id)).findFirst().orElseThrow());
        }
        long from = chosen.get(0).fromDepotId();
        if (chosen.stream().anyMatch(l -> l.fromDepotId() != from)) {
            throw new ValidationException("lineIds", "the lines leave different depots; return one shipment's at a time");
        }
        dispatch.dispatchable(caller, batchId, from);
        return chosen;
    }

    private static String reason(String note, String otherwise) {
        if (note == null || note.isBlank()) {
            if (otherwise == null) {
                throw new ValidationException("note", "say why the lines travel on");
            }
            return otherwise;
        }
        return PlanDao.cut(note.strip(), 1000);
    }
}
