package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.spi.BatchReceiptListener;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.inventory.CrossNodeTransfer;

/**
 * Batch lines that travel between nodes. A line leaving a depot another node keeps (mutual aid from a
 * federated province) is not reserved here: approval marks it INSTRUCTED and records
 * {@link AllocationTopics#MUTUAL_AID_INSTRUCTED}, which federation sends to that node; that node's dispatch,
 * forwarded through central, marks it DISPATCHED. Every cross-node line (central's own batch to a province's
 * depot too) closes when the receiving node's receipt arrives, with its shortfall and damage, in the inventory's
 * transaction ({@link org.tongpao.inventory.CrossNodeTransferListener}).
 */
final class CrossNodeBatches {
    static final String INSTRUCTED = "INSTRUCTED";
    /** The reference an instructed line's transfer carries: {@code allocation-batch:<id> <number> line <n>}. */
    private static final Pattern REFERENCE = Pattern.compile("allocation-batch:(\\d+) \\S+ line (\\d+)");

    private final AllocationContext ctx;
    private final List<BatchReceiptListener> listeners;

    CrossNodeBatches(AllocationContext ctx, List<BatchReceiptListener> listeners) {
        this.ctx = ctx;
        this.listeners = listeners;
    }

    static String reference(Batch b, BatchLine l) {
        return LineKeys.holder(b.id()) + " " + b.number() + " line " + l.lineNo();
    }

    /** In approval's numbering transaction: each instructed line's instruction, to the node keeping its depot. */
    static void instruct(AllocationContext ctx, Connection c, Caller caller, Batch b) throws SQLException {
        Caller system = Caller.system(caller.requestId());
        for (BatchLine l : b.lines()) {
            if (!INSTRUCTED.equals(l.status())) {
                continue;
            }
            Depot from = ctx.depots().get(system, l.fromDepotId());
            String node = ctx.keepers().remote(from.provinceCode()).orElseThrow(() -> new ConflictException("Depot "
                    + from.code() + " is kept by this node again; approve the offer anew"));
            ctx.events().record(c, AllocationTopics.MUTUAL_AID_INSTRUCTED, caller, b.id(), b.provinceCode(), Map.of(
                    "node", node, "batchNumber", b.number(), "lineNo", l.lineNo(), "fromDepot", from.code(),
                    "toDepot", ctx.depots().get(system, l.toDepotId()).code(),
                    "itemCode", ctx.catalogue().get(system, l.itemId()).code(), "quantity", l.quantity(),
                    "reference", reference(b, l)));
        }
    }

    /** Another node dispatched an instructed line (central forwards it): the line left. */
    void dispatched(Connection c, Caller sender, CrossNodeTransfer x) throws SQLException {
        Optional<BatchLine> found = byReference(c, x);
        if (found.isEmpty() || !INSTRUCTED.equals(found.get().status())) {
            return; // not a batch line, or a repeat
        }
        long batchId = batchOf(c, found.get());
        BatchDao.update(c, "UPDATE tp_alloc_batch_line SET status = 'DISPATCHED' WHERE id = ? AND status = ?",
                found.get().id(), INSTRUCTED);
        Batch b = BatchDao.get(c, batchId).batch();
        BatchStatus after = BatchStatuses.refresh(c, batchId);
        ctx.audit().record(c, sender, "allocation-batch", Long.toString(batchId), "DISPATCH", null,
                Map.of("lines", List.of(found.get().lineNo()), "transfer", x.id(), "status", after.name()));
        if (BatchStatuses.allLeft(after)) {
            BatchDao.update(c, "UPDATE tp_alloc_batch SET dispatched_by = ?, dispatched_at = ? WHERE id = ? "
                    + "AND dispatched_at IS NULL", sender.user(), x.dispatchedAt(), batchId);
            ctx.events().record(c, AllocationTopics.BATCH_DISPATCHED, sender, batchId, b.provinceCode(),
                    Map.of("number", b.number()));
        }
    }

    /** The receiving node's receipt arrived: the line is received with its shortfall and damage. */
    void received(Connection c, Caller receiver, CrossNodeTransfer x) throws SQLException {
        Optional<BatchLine> found = x.role() == CrossNodeTransfer.Role.SENT ? byTransfer(c, x.transferId())
                : byReference(c, x);
        if (found.isEmpty() || !"DISPATCHED".equals(found.get().status())) {
            return; // not a batch line, or a repeat
        }
        BatchLine l = found.get();
        Batch b = BatchDao.get(c, batchOf(c, l)).batch();
        BatchReceipts.recordLine(ctx, c, receiver, b, l, x.receivedQuantity(), x.damagedQuantity(),
                "received at node " + x.toNode(), null);
        BatchStatus after = BatchStatuses.refresh(c, b.id());
        if (after == BatchStatus.RECEIVED && b.status() != BatchStatus.RECEIVED) {
            ctx.events().record(c, AllocationTopics.BATCH_RECEIVED, receiver, b.id(), b.provinceCode(),
                    Map.of("number", b.number()));
        }
        Transactions.afterCommit(() -> BatchReceipts.tellListeners(listeners, receiver,
                BatchDao.read(ctx.ds(), b.id()).batch(), List.of(l.lineNo())));
    }

    private static Optional<BatchLine> byTransfer(Connection c, long transferId) throws SQLException {
        Optional<long[]> at = Jdbc.one(c, "SELECT batch_id, line_no FROM tp_alloc_batch_line WHERE transfer_id = ?",
                List.of(transferId), rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        return at.isEmpty() ? Optional.empty() : line(c, at.get()[0], (int) at.get()[1]);
    }

    private static Optional<BatchLine> byReference(Connection c, CrossNodeTransfer x) throws SQLException {
        Matcher m = x.reference() == null ? null : REFERENCE.matcher(x.reference());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return line(c, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static Optional<BatchLine> line(Connection c, long batchId, int lineNo) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM tp_alloc_batch WHERE id = ?", List.of(batchId)) == 0) {
            return Optional.empty();
        }
        return BatchDao.get(c, batchId).batch().lines().stream().filter(l -> l.lineNo() == lineNo).findFirst();
    }

    private static long batchOf(Connection c, BatchLine l) throws SQLException {
        return Jdbc.one(c, "SELECT batch_id FROM tp_alloc_batch_line WHERE id = ?", List.of(l.id()),
                rs -> rs.getLong(1)).orElseThrow();
    }
}
