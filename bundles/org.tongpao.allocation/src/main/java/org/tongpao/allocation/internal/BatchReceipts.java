package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.spi.BatchReceiptListener;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * Receipt: the receiving depot confirms lines (received including damaged, and damaged) through the
 * inventory; what did not arrive usable goes back to the need; every {@link BatchReceiptListener} is told.
 */
final class BatchReceipts {
    private static final Logger LOG = LoggerFactory.getLogger(BatchReceipts.class);

    private final AllocationContext ctx;
    /** The service's live list of listeners (DS updates it in place). */
    private final List<BatchReceiptListener> listeners;

    BatchReceipts(AllocationContext ctx, List<BatchReceiptListener> listeners) {
        this.ctx = ctx;
        this.listeners = listeners;
    }

    Batch receive(Caller caller, long batchId, List<LineReceipt> receipts, String idempotencyKey) {
        if (caller.isReadOnly()) {
            throw new AccessDeniedException("Auditors have read-only access");
        }
        if (receipts == null || receipts.isEmpty()) {
            throw new ValidationException("lines", "give at least one line receipt");
        }
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        Batch b = BatchDao.read(ctx.ds(), batchId).batch();
        ScopeRules.requireVisible(ctx.scope().canSeeBatch(caller, b), "Batch", batchId);
        if (b.status() != BatchStatus.DISPATCHED && b.status() != BatchStatus.PARTLY_RECEIVED
                && b.status() != BatchStatus.RECEIVED && b.status() != BatchStatus.PARTLY_DISPATCHED) {
            throw new ConflictException("Batch " + batchId + " is " + b.status() + "; nothing to receive yet");
        }
        Map<Long, BatchLine> lines = new HashMap<>();
        b.lines().forEach(l -> lines.put(l.id(), l));
        validate(caller, receipts, lines);
        List<Integer> receivedNow = new ArrayList<>();
        for (LineReceipt r : receipts) {
            BatchLine l = lines.get(r.lineId());
            if (receiveLine(caller, b, l, r, idempotencyKey)) {
                receivedNow.add(l.lineNo());
            }
        }
        Transactions.inTransaction(ctx.ds(), c -> {
            BatchStatus after = BatchStatuses.refresh(c, batchId);
            if (after == BatchStatus.RECEIVED && b.status() != BatchStatus.RECEIVED) {
                ctx.events().record(c, AllocationTopics.BATCH_RECEIVED, caller, batchId, b.provinceCode(),
                        Map.of("number", b.number()));
            }
            return after;
        });
        Batch done = BatchDao.read(ctx.ds(), batchId).batch();
        if (!receivedNow.isEmpty()) {
            tellListeners(caller, done, receivedNow);
        }
        return done;
    }

    /** Every receipt names a line of the batch once, with quantities in range, by someone who may receive it. */
    private void validate(Caller caller, List<LineReceipt> receipts, Map<Long, BatchLine> lines) {
        Set<Long> inRequest = new HashSet<>();
        for (LineReceipt r : receipts) {
            BatchLine l = lines.get(r.lineId());
            if (l == null) {
                throw NotFoundException.ofField("lineId", r.lineId());
            }
            if (!inRequest.add(l.id())) {
                throw new ValidationException("lines", "line " + l.lineNo() + " appears twice");
            }
            long damaged = r.damagedQuantity() == null ? 0 : r.damagedQuantity();
            if (r.receivedQuantity() == null || r.receivedQuantity() < 0 || r.receivedQuantity() > l.quantity()) {
                throw new ValidationException("receivedQuantity", "line " + l.lineNo() + ": received must be 0.."
                        + l.quantity());
            }
            if (damaged < 0 || damaged > r.receivedQuantity()) {
                throw new ValidationException("damagedQuantity", "line " + l.lineNo() + ": damaged must be 0..received");
            }
            requireReceiver(caller, l);
        }
    }

    /** Receives one line through the inventory and records it; false for the repeat of a receipt already counted. */
    private boolean receiveLine(Caller caller, Batch b, BatchLine l, LineReceipt r, String idempotencyKey) {
        if ("RECEIVED".equals(l.status())) {
            BatchDao.Receipt prior = Transactions.read(ctx.ds(), c -> BatchDao.receipt(c, l.id()));
            if (idempotencyKey != null && idempotencyKey.equals(prior.key()) && caller.user().equals(prior.user())) {
                return false;
            }
            throw new ConflictException("Line " + l.lineNo() + " of batch " + b.number() + " is already received");
        }
        if (!"DISPATCHED".equals(l.status())) {
            throw new ConflictException("Line " + l.lineNo() + " is " + l.status() + ", not in transit");
        }
        if (l.transferId() == null) {
            // a line another node dispatched closes with that node's receipt, which the receiving node sends
            throw new ConflictException("Line " + l.lineNo() + " of batch " + b.number() + " travels between nodes: "
                    + "it is received on the node keeping depot " + l.toDepotId() + " and closes here by itself");
        }
        long damaged = r.damagedQuantity() == null ? 0 : r.damagedQuantity();
        ctx.inventory().receiveTransfer(caller, l.transferId(), r.receivedQuantity(), damaged, r.note(),
                LineKeys.derivedKey(idempotencyKey, b.id(), "receive", l.lineNo()));
        Transactions.inTransaction(ctx.ds(), c -> {
            if (!recordLine(ctx, c, caller, b, l, r.receivedQuantity(), damaged, r.note(), idempotencyKey)) {
                throw new ConflictException("Line " + l.lineNo() + " was received concurrently");
            }
            return null;
        });
        return true;
    }

    /**
     * Records a line's receipt (received including damaged, and damaged) on {@code c}: the line, its audit row and
     * event, and what did not arrive usable back to the need; false when the line was not DISPATCHED any more.
     */
    static boolean recordLine(AllocationContext ctx, Connection c, Caller caller, Batch b, BatchLine l, long received,
            long damaged, String note, String idempotencyKey) throws SQLException {
        String sql = "UPDATE tp_alloc_batch_line SET status = 'RECEIVED', received_qty = ?, damaged_qty = ?, "
                + "received_by = ?" + (idempotencyKey == null ? "" : ", receipt_key = ?")
                + (note == null ? "" : ", receipt_note = ?") + " WHERE id = ? AND status = 'DISPATCHED'";
        List<Object> args = new ArrayList<>(List.of(received, damaged, caller.user()));
        if (idempotencyKey != null) {
            args.add(idempotencyKey);
        }
        if (note != null) {
            args.add(PlanDao.cut(note, 500));
        }
        args.add(l.id());
        if (BatchDao.update(c, sql, args.toArray()) == 0) {
            return false;
        }
        ctx.audit().record(c, caller, "allocation-batch-line", Long.toString(l.id()), "RECEIVE", null,
                Map.of("received", received, "damaged", damaged));
        ctx.events().record(c, AllocationTopics.BATCH_LINE_RECEIVED, caller, b.id(), b.provinceCode(),
                Map.of("lineNo", l.lineNo()));
        if (l.needId() != null) {
            long usable = received - damaged;
            // what did not arrive usable goes back to the need's open quantity
            Need[] change = NeedDao.adjust(c, l.needId(), -(l.quantity() - usable), usable, Sql.now());
            ctx.events().needChanges(c, caller, List.<Need[]>of(change));
        }
        return true;
    }

    private void tellListeners(Caller caller, Batch done, List<Integer> lineNos) {
        tellListeners(listeners, caller, done, lineNos);
    }

    /** Tells every listener which lines of {@code done} were just received; a failing one is logged. */
    static void tellListeners(List<BatchReceiptListener> listeners, Caller caller, Batch done, List<Integer> lineNos) {
        List<BatchLine> lines = done.lines().stream().filter(l -> lineNos.contains(l.lineNo())).toList();
        for (BatchReceiptListener l : listeners) {
            try {
                l.linesReceived(caller, done, lines);
            } catch (RuntimeException e) {
                // the stock is in and the batch says so; the listener's side catches up on its own (transport's watch)
                LOG.error("Receipt listener {} failed for batch {} lines {}", l.getClass().getName(), done.id(), lineNos,
                        e);
            }
        }
    }

    private void requireReceiver(Caller caller, BatchLine l) {
        if (caller.isMinistry()) {
            return;
        }
        if (l.toUnit()) {
            // the proof of delivery at a unit: its province's officer (no depot keeper keeps a station)
            String province = ctx.units().get(Caller.system(caller.requestId()), l.toOrgUnitId()).provinceCode();
            if (!caller.hasRole(Roles.PROVINCE_OFFICER) || !Objects.equals(caller.provinceCode(), province)) {
                throw new AccessDeniedException("Only the receiving unit's province confirms delivery of line "
                        + l.lineNo());
            }
            return;
        }
        Depot d = ctx.depots().get(Caller.system(caller.requestId()), l.toDepotId());
        boolean ok = (caller.hasRole(Roles.PROVINCE_OFFICER) && Objects.equals(caller.provinceCode(), d.provinceCode()))
                || (caller.hasRole(Roles.DEPOT_KEEPER) && d.code().equals(caller.depotCode()));
        if (!ok) {
            throw new AccessDeniedException("Only the receiving province or depot confirms line " + l.lineNo());
        }
    }
}
