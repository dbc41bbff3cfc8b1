package org.tongpao.allocation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.Caller;
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

    Batch returnLines(Caller caller, long batchId, long fromDepotId, long toDepotId, String note, String key) {
        Batch b = dispatch.dispatchable(caller, batchId, fromDepotId).batch();
        String why = reason(note, "returned to the sending depot");
        List<BatchLine> pair = pair(b, fromDepotId, toDepotId);
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
        ctx.keys().execute(ctx.ds(), caller, key, "allocation.batch.return:" + batchId + ":" + fromDepotId + "-"
                + toDepotId, Map.of("note", why), c -> {
                    BatchStatus after = BatchStatuses.refresh(c, batchId);
                    ctx.audit().record(c, caller, "allocation-batch", Long.toString(batchId), "RETURN", null,
                            Map.of("lines", back, "status", after.name(), "reason", why));
                    ctx.events().record(c, AllocationTopics.BATCH_LINES_RETURNED, caller, batchId, b.provinceCode(),
                            Map.of("number", b.number(), "lineNos", back));
                    return new IdempotencyKeys.Ref("allocation-batch", Long.toString(batchId));
                });
        return BatchDao.read(ctx.ds(), batchId).batch();
    }

    Batch noteLines(Caller caller, long batchId, long fromDepotId, long toDepotId, String note, String key) {
        Batch b = dispatch.dispatchable(caller, batchId, fromDepotId).batch();
        String why = reason(note, null);
        List<BatchLine> moving = pair(b, fromDepotId, toDepotId).stream()
                .filter(l -> "DISPATCHED".equals(l.status())).toList();
        ctx.keys().execute(ctx.ds(), caller, key, "allocation.batch.note:" + batchId + ":" + fromDepotId + "-"
                + toDepotId, Map.of("note", why), c -> {
                    for (BatchLine l : moving) {
                        BatchDao.update(c, "UPDATE tp_alloc_batch_line SET reason = ? WHERE id = ?", why, l.id());
                    }
                    ctx.audit().record(c, caller, "allocation-batch", Long.toString(batchId), "NOTE", null,
                            Map.of("lines", moving.stream().map(BatchLine::lineNo).toList(), "reason", why));
                    return new IdempotencyKeys.Ref("allocation-batch", Long.toString(batchId));
                });
        return BatchDao.read(ctx.ds(), batchId).batch();
    }

    private static List<BatchLine> pair(Batch b, long fromDepotId, long toDepotId) {
        List<BatchLine> pair = b.lines().stream()
                .filter(l -> l.fromDepotId() == fromDepotId && l.toDepotId() == toDepotId).toList();
        if (pair.isEmpty()) {
            throw new ValidationException("toDepotId", "batch " + b.number() + " has no line from depot " + fromDepotId
                    + " to depot " + toDepotId);
        }
        return pair;
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
