package org.tongpao.allocation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.inventory.Transfer;

/**
 * Dispatch: each line's reservation becomes a transfer to its receiving depot, the whole batch at once or the
 * lines of one shipment (one sending and one receiving depot); the batch's status follows its lines.
 */
final class BatchDispatch {
    private final AllocationContext ctx;

    BatchDispatch(AllocationContext ctx) {
        this.ctx = ctx;
    }

    Batch dispatch(Caller caller, long batchId, String idempotencyKey) {
        BatchDao.Row row = dispatchable(caller, batchId, null);
        Batch b = row.batch();
        if (BatchStatuses.allLeft(b.status())) {
            if (idempotencyKey != null && idempotencyKey.equals(row.dispatchKey())
                    && caller.user().equals(b.dispatchedBy())) {
                return b;
            }
            throw new ConflictException("Batch " + b.number() + " is already dispatched");
        }
        if (!BatchStatuses.waiting(b.status())) {
            throw new ConflictException("Batch " + batchId + " is " + b.status() + "; only an APPROVED batch ships");
        }
        return dispatchSelected(caller, b, b.lines(), idempotencyKey, "allocation.batch.dispatch:" + batchId);
    }

    Batch dispatchLines(Caller caller, long batchId, long fromDepotId, long toDepotId, String idempotencyKey) {
        Batch b = dispatchable(caller, batchId, fromDepotId).batch();
        List<BatchLine> pair = b.lines().stream()
                .filter(l -> l.fromDepotId() == fromDepotId && !l.toUnit() && l.toDepotId() == toDepotId).toList();
        if (pair.isEmpty()) {
            throw new ValidationException("toDepotId", "batch " + b.number() + " has no line from depot " + fromDepotId
                    + " to depot " + toDepotId);
        }
        return dispatchPair(caller, b, pair, idempotencyKey, fromDepotId + "-" + toDepotId);
    }

    /** The lines of one shipment from a depot to an org unit without a depot (a front-line station). */
    Batch dispatchLinesToUnit(Caller caller, long batchId, long fromDepotId, long toOrgUnitId, String idempotencyKey) {
        Batch b = dispatchable(caller, batchId, fromDepotId).batch();
        List<BatchLine> pair = b.lines().stream()
                .filter(l -> l.fromDepotId() == fromDepotId && Objects.equals(l.toOrgUnitId(), toOrgUnitId)).toList();
        if (pair.isEmpty()) {
            throw new ValidationException("toOrgUnitId", "batch " + b.number() + " has no line from depot "
                    + fromDepotId + " to org unit " + toOrgUnitId);
        }
        return dispatchPair(caller, b, pair, idempotencyKey, fromDepotId + "-unit-" + toOrgUnitId);
    }

    private Batch dispatchPair(Caller caller, Batch b, List<BatchLine> pair, String idempotencyKey, String route) {
        long batchId = b.id();
        if (pair.stream().noneMatch(l -> "RESERVED".equals(l.status()))
                && pair.stream().allMatch(l -> "DISPATCHED".equals(l.status()) || "RECEIVED".equals(l.status()))) {
            return b; // these goods left already (a retry, or dispatched through the batch)
        }
        if (!BatchStatuses.waiting(b.status())) {
            throw new ConflictException("Batch " + batchId + " is " + b.status() + "; only an APPROVED batch ships");
        }
        return dispatchSelected(caller, b, pair, idempotencyKey, "allocation.batch.dispatch:" + batchId + ":" + route);
    }

    /** The sending province dispatches: the batch's, or (for one shipment's lines) the sending depot's. */
    BatchDao.Row dispatchable(Caller caller, long batchId, Long fromDepotId) {
        AllocationScope.requireWriter(caller, "allocation batches");
        BatchDao.Row row = BatchDao.read(ctx.ds(), batchId);
        Batch b = row.batch();
        ScopeRules.requireVisible(ctx.scope().canSeeBatch(caller, b), "Batch", batchId);
        String sending = fromDepotId == null ? b.fromProvinceCode()
                : ctx.depots().get(Caller.system(caller.requestId()), fromDepotId).provinceCode();
        if (!caller.isMinistry() && !Objects.equals(caller.provinceCode(), sending)) {
            throw new AccessDeniedException("Only ministry roles or the sending province dispatch batch " + batchId);
        }
        return row;
    }

    /**
     * A unit's proof of delivery issues the goods on this node's ledger: a unit whose province's stock another node
     * came to keep after approval (federation) would be mis-posted here, so its lines do not leave (409 naming
     * {@code toOrgUnitId} and the node); deliver to a depot that node keeps instead.
     */
    private void requireUnitsKeptHere(Batch b, List<BatchLine> lines) {
        Caller system = Caller.system("allocation");
        for (BatchLine l : lines) {
            if (!l.toUnit() || !"RESERVED".equals(l.status())) {
                continue;
            }
            String province = ctx.units().get(system, l.toOrgUnitId()).provinceCode();
            ctx.keepers().remote(province).ifPresent(node -> {
                throw new ConflictException("toOrgUnitId", "Line " + l.lineNo() + " of batch " + b.number()
                        + " goes to org unit " + l.toOrgUnitId() + " in province " + province + ", whose stock node "
                        + node + " keeps; it cannot be issued to the unit from this node's ledger: deliver to a depot "
                        + "there, which forwards it");
            });
        }
    }

    /**
     * Turns the given lines' reservations into transfers and derives the batch's status from all its lines (DISPATCHED
     * only when none waits any more), all in one transaction: a line the inventory refuses leaves every line reserved.
     */
    private Batch dispatchSelected(Caller caller, Batch b, List<BatchLine> lines, String idempotencyKey,
            String operation) {
        long batchId = b.id();
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        for (BatchLine line : lines) {
            if (CrossNodeBatches.INSTRUCTED.equals(line.status())) {
                throw new ConflictException("Line " + line.lineNo() + " of batch " + b.number() + " leaves a depot "
                        + "another node keeps; that node was instructed to dispatch it");
            }
        }
        requireUnitsKeptHere(b, lines);
        // every line's transfer, the lines and the batch's status in one transaction: a crash or a refusal half-way
        // leaves the goods reserved, not half-moved (joined when a shipment's hand-over encloses it)
        Transactions.enclosingOrJoined(ctx.ds(), "dispatch of batch " + b.number(), tx -> {
            // goods for a key area leave only with an entry pass valid now (the gate decides; 409 naming passes),
            // asked inside this transaction: what the gate read (a pass) stays as read until the goods have left
            ctx.gates().requireEntry(ctx, caller, b, lines, Instant.now());
            List<Integer> sent = new ArrayList<>();
            for (BatchLine line : lines) {
                if (!"RESERVED".equals(line.status())) {
                    continue;
                }
                String source = LineKeys.holder(batchId) + " " + b.number();
                String key = LineKeys.derivedKey(idempotencyKey, batchId, "dispatch", line.lineNo());
                Transfer t = line.toUnit()
                        ? ctx.inventory().dispatchToUnit(caller, line.reservationId(), line.toOrgUnitId(), source, key)
                        : ctx.inventory().dispatch(caller, line.reservationId(), line.toDepotId(), source, key);
                Transactions.inTransaction(ctx.ds(), c -> BatchDao.update(c, "UPDATE tp_alloc_batch_line SET transfer_id = ?, "
                        + "status = 'DISPATCHED' WHERE id = ? AND status = 'RESERVED'", t.id(), line.id()));
                sent.add(line.lineNo());
            }
            ctx.keys().execute(ctx.ds(), caller, idempotencyKey, operation, null, c -> {
                BatchStatus after = BatchStatuses.refresh(c, batchId);
                if (BatchStatuses.allLeft(after)) {
                    // the dispatch that sent the last lines signs the batch's dispatch
                    String sql = "UPDATE tp_alloc_batch SET dispatched_by = ?, dispatched_at = ?"
                            + (idempotencyKey == null ? "" : ", dispatch_key = ?") + " WHERE id = ? AND dispatched_at IS NULL";
                    if (idempotencyKey == null) {
                        BatchDao.update(c, sql, caller.user(), Sql.now(), batchId);
                    } else {
                        BatchDao.update(c, sql, caller.user(), Sql.now(), idempotencyKey, batchId);
                    }
                }
                ctx.audit().record(c, caller, "allocation-batch", Long.toString(batchId), "DISPATCH", null,
                        Map.of("lines", lines.stream().map(BatchLine::lineNo).toList(), "status", after.name()));
                if (after == BatchStatus.PARTLY_DISPATCHED) {
                    ctx.events().record(c, AllocationTopics.BATCH_PARTLY_DISPATCHED, caller, batchId, b.provinceCode(),
                            Map.of("number", b.number(), "lineNos", sent));
                } else if (BatchStatuses.waiting(b.status())) {
                    ctx.events().record(c, AllocationTopics.BATCH_DISPATCHED, caller, batchId, b.provinceCode(),
                            Map.of("number", b.number()));
                }
                return new IdempotencyKeys.Ref("allocation-batch", Long.toString(batchId));
            });
            return null;
        });
        return BatchDao.read(ctx.ds(), batchId).batch();
    }
}
