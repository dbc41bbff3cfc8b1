package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.Need;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Province;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.persistence.DepotLocks;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.inventory.Reservation;

/**
 * Approval as a saga, the same for a plan's and an offer's batch: (1) store the batch RESERVING and claim the
 * owner in one transaction guarded by the Idempotency-Key; (2) reserve line by line, recording each
 * reservation; on the first refusal release the ones made, delete the batch, free the owner and answer 409
 * naming the line; (3) number the batch and mark it APPROVED, the needs allocated. Inventory writes run in
 * the inventory's own transactions, so each line's call carries a key derived from the request's key and
 * its result is recorded on the line at once: a retry resumes where the first attempt stopped.
 */
final class BatchApproval {
    private static final Logger LOG = LoggerFactory.getLogger(BatchApproval.class);

    private final AllocationContext ctx;

    BatchApproval(AllocationContext ctx) {
        this.ctx = ctx;
    }

    /** The batch an earlier approval with this key by this caller made for the plan or offer, resumed if need be. */
    Optional<Batch> repeat(Caller caller, String key, Owner owner, long ownerId) {
        if (key == null) {
            return Optional.empty();
        }
        IdempotencyKeys.validateKey(key);
        Optional<Long> id = Transactions.read(ctx.ds(), c -> BatchDao.approvedWithKey(c, caller.user(), key,
                owner.batchColumn(), ownerId));
        return id.map(b -> resume(caller, key, BatchDao.read(ctx.ds(), b).batch()));
    }

    Batch approve(Caller caller, String key, String operation, Object request, BatchSpec spec) {
        Map<Long, String> provinceOf = new HashMap<>();
        requireUnitsKeptHere(spec.lines());
        String to = single(spec.lines().stream().map(l -> l.toOrgUnitId() != null ? provinceOfUnit(l.toOrgUnitId())
                : provinceOfDepot(provinceOf, l.toDepotId())).toList());
        String from = single(spec.lines().stream().map(l -> provinceOfDepot(provinceOf, l.fromDepotId())).toList());
        IdempotencyKeys.Outcome out = ctx.keys().execute(ctx.ds(), caller, key, operation, request, c -> {
            lockActiveDepots(c, spec.lines());
            long id = BatchDao.insert(c, spec.kind(), spec.planId(), spec.offerId(), to, from, caller.user(), key,
                    spec.lines());
            spec.guard().apply(c, id);
            ctx.audit().record(c, caller, "allocation-batch", Long.toString(id), "CREATE", null,
                    Map.of("kind", spec.kind(), "lines", spec.lines().size()));
            return new IdempotencyKeys.Ref("allocation-batch", Long.toString(id));
        });
        Batch b;
        try {
            b = BatchDao.read(ctx.ds(), Long.parseLong(out.ref().id())).batch();
        } catch (NotFoundException gone) {
            // a refused approval deletes its batch; over REST the stored first answer (the 409) is replayed
            // before this runs, a direct service call with the same key lands here
            throw new ConflictException("This approval (Idempotency-Key " + key + ") was refused before and nothing "
                    + "was reserved; see the audit trail (allocation-batch " + out.ref().id() + ", FAIL), or approve "
                    + "again with a new key");
        }
        if (out.repeat() && b.status() != BatchStatus.RESERVING) {
            return resume(caller, key, b);
        }
        return reserveAll(caller, key, b, spec);
    }

    /**
     * A line to an org unit (no depot) is issued to it from the sending depot's ledger when delivered: a unit in a
     * province whose stock another node keeps (federation) would need that node's ledger, so it is refused (409
     * naming the line) before anything is stored; deliver through a depot of that province instead.
     */
    private void requireUnitsKeptHere(List<BatchDao.Draft> lines) {
        int lineNo = 0;
        for (BatchDao.Draft l : lines) {
            lineNo++;
            if (l.toOrgUnitId() == null) {
                continue;
            }
            String province = provinceOfUnit(l.toOrgUnitId());
            Optional<String> sender = ctx.keepers().remote(provinceOfDepot(new HashMap<>(), l.fromDepotId()));
            if (sender.isPresent()) {
                throw new ConflictException("toOrgUnitId", "Line " + lineNo + " goes to an org unit from a depot node "
                        + sender.get() + " keeps; a delivery to a unit leaves a depot this node keeps");
            }
            Optional<String> node = ctx.keepers().remote(province);
            if (node.isPresent()) {
                throw new ConflictException("toOrgUnitId", "Line " + lineNo + " goes to org unit " + l.toOrgUnitId()
                        + " in province " + province + ", whose stock node " + node.get() + " keeps; deliver to a depot "
                        + "there, which forwards it");
            }
        }
    }

    private String provinceOfUnit(long unitId) {
        return ctx.units().get(Caller.system("allocation"), unitId).provinceCode();
    }

    /**
     * The batch's depots, each read under a shared lock kept until the batch row commits: a deactivation
     * either finished first (its depot reads inactive here: 409) or waits for this transaction and then finds
     * the batch through {@link AllocationDepotUsage} (its 409). Without the lock a depot could be
     * deactivated between the check at approval and the batch insert, and the batch strand at dispatch.
     */
    private static void lockActiveDepots(Connection c, List<BatchDao.Draft> lines) throws SQLException {
        Set<Long> ids = new HashSet<>();
        lines.forEach(l -> {
            ids.add(l.fromDepotId());
            if (l.toOrgUnitId() == null) {
                ids.add(l.toDepotId());
            }
        });
        Map<Long, DepotLocks.LockedDepot> locked = DepotLocks.lockShared(c, ids);
        for (Long id : ids) {
            DepotLocks.LockedDepot d = locked.get(id);
            if (d == null || !d.active()) {
                throw new ConflictException("Depot " + (d == null ? id : d.code())
                        + " is inactive (deactivated during approval); nothing was reserved");
            }
        }
    }

    private Batch resume(Caller caller, String key, Batch b) {
        return switch (b.status()) {
            case FAILED -> throw new ConflictException(b.failure());
            case RESERVING -> reserveAll(caller, key, b, BatchSpec.resuming(b.planId(), b.offerId(), b.approvedBy()));
            default -> b;
        };
    }

    private Batch reserveAll(Caller caller, String key, Batch b, BatchSpec spec) {
        List<BatchLine> made = new ArrayList<>();
        for (BatchLine line : b.lines()) {
            if (line.reservationId() != null || CrossNodeBatches.INSTRUCTED.equals(line.status())) {
                made.add(line);
                continue;
            }
            Optional<String> keeper = ctx.keepers().remote(provinceOfDepot(new HashMap<>(), line.fromDepotId()));
            if (keeper.isPresent()) {
                // another node keeps the sending depot's ledger: it reserves nothing here, that node dispatches
                Transactions.inTransaction(ctx.ds(), c -> BatchDao.update(c, "UPDATE tp_alloc_batch_line SET status = ? "
                        + "WHERE id = ?", CrossNodeBatches.INSTRUCTED, line.id()));
                made.add(line);
                continue;
            }
            try {
                made.add(reserve(caller, key, b.id(), line));
            } catch (RuntimeException e) {
                String what = "Reservation refused for line " + line.lineNo() + " (need "
                        + (line.needId() == null ? "-" : line.needId()) + ", item " + line.itemId() + ", depot "
                        + line.fromDepotId() + ", quantity " + line.quantity() + "): " + e.getMessage();
                fail(caller, key, b, spec, made, what, e);
                if (e instanceof TongpaoException && !(e instanceof AccessDeniedException)) {
                    throw new ConflictException(what);
                }
                throw e;
            }
        }
        Batch approved = finish(caller, b, spec);
        LOG.info("Batch {} ({}) approved by {}: {} line(s)", approved.number(), b.id(), caller.user(), made.size());
        return approved;
    }

    /** Reserves one line in the inventory and records the reservation on the line at once. */
    private BatchLine reserve(Caller caller, String key, long batchId, BatchLine line) {
        // for this line's destination: designated lots (inventory 1.6) that may not go there are left alone
        org.tongpao.inventory.Destination to = line.toOrgUnitId() != null
                ? org.tongpao.inventory.Destination.unit(line.toOrgUnitId())
                : org.tongpao.inventory.Destination.depot(line.toDepotId());
        Reservation r = ctx.inventory().reserve(caller, line.fromDepotId(), line.itemId(), line.quantity(),
                LineKeys.holder(batchId), to, LineKeys.derivedKey(key, batchId, "reserve", line.lineNo()));
        Transactions.inTransaction(ctx.ds(), c -> BatchDao.update(c, "UPDATE tp_alloc_batch_line SET reservation_id = ?, "
                + "status = 'RESERVED' WHERE id = ?", r.id(), line.id()));
        return new BatchLine(line.id(), line.lineNo(), line.needId(), line.itemId(), line.fromDepotId(),
                line.toDepotId(), line.quantity(), "RESERVED", r.id(), null, 0, 0, line.reason(), line.toOrgUnitId());
    }

    private void fail(Caller caller, String key, Batch b, BatchSpec spec, List<BatchLine> made, String what,
            RuntimeException cause) {
        for (BatchLine l : made) {
            if (l.reservationId() == null) {
                continue; // instructed: nothing was reserved here
            }
            try {
                ctx.inventory().release(caller, l.reservationId(), LineKeys.derivedKey(key, b.id(), "release", l.lineNo()));
            } catch (RuntimeException r) {
                cause.addSuppressed(r);
                LOG.error("Releasing reservation {} of batch {} failed; release it by hand", l.reservationId(),
                        b.id(), r);
            }
        }
        // all-or-nothing: the refused approval leaves no batch; the audit trail keeps what happened
        Transactions.inTransaction(ctx.ds(), c -> {
            BatchDao.update(c, "DELETE FROM tp_alloc_batch_line WHERE batch_id = ?", b.id());
            BatchDao.update(c, "DELETE FROM tp_alloc_batch WHERE id = ?", b.id());
            spec.onFailed().apply(c, b.id());
            ctx.audit().record(c, caller, "allocation-batch", Long.toString(b.id()), "FAIL", null,
                    Map.of("failure", what));
            ctx.events().record(c, AllocationTopics.BATCH_FAILED, caller, b.id(), b.provinceCode(), Map.of("failure", what));
            return null;
        });
    }

    /**
     * Numbers the batch and marks it APPROVED, its needs allocated, in one transaction under core's retry rule
     * (two approvals at once wait on the counter rows, or meet on Derby's locks and run again). The year's
     * counter rows are created first, each in a transaction of its own, so the approving transaction only
     * increments them and never races another on a first insert.
     */
    private Batch finish(Caller caller, Batch b, BatchSpec spec) {
        Instant now = Sql.now();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        BatchNumbers.ensure(ctx.ds(), BatchNumbers.NATIONAL, year);
        if (b.provinceCode() != null) {
            BatchNumbers.ensure(ctx.ds(), b.provinceCode(), year);
        }
        Transactions.write(ctx.ds(), "approving batch " + b.id(), c -> {
            List<Need[]> changed = new ArrayList<>();
            String[] numberAndTitle = number(c, b, year, now);
            for (BatchLine l : BatchDao.get(c, b.id()).batch().lines()) {
                if (l.needId() != null) {
                    changed.add(NeedDao.adjust(c, l.needId(), l.quantity(), 0, now));
                    if (l.toUnit()) {
                        continue; // delivered to the unit itself: no receiving depot to show
                    }
                    // the need now shows where its goods go (a need naming its depot keeps it)
                    BatchDao.update(c, "UPDATE tp_alloc_need SET receiving_depot_id = ? WHERE id = ? "
                            + "AND receiving_depot_id IS NULL", l.toDepotId(), l.needId());
                }
            }
            spec.onApproved().apply(c, b.id());
            ctx.audit().record(c, caller, "allocation-batch", Long.toString(b.id()), "APPROVE", null,
                    Map.of("number", numberAndTitle[0], "title", numberAndTitle[1]));
            ctx.events().record(c, AllocationTopics.BATCH_APPROVED, caller, b.id(), b.provinceCode(),
                    Map.of("number", numberAndTitle[0], "title", numberAndTitle[1]));
            ctx.events().record(c, spec.ownerTopic(), caller, spec.ownerId(), b.provinceCode(), Map.of("batchId", b.id()));
            ctx.events().needChanges(c, caller, changed);
            CrossNodeBatches.instruct(ctx, c, caller, BatchDao.get(c, b.id()).batch());
            return null;
        });
        return BatchDao.read(ctx.ds(), b.id()).batch();
    }

    /** Takes the batch's national and destination numbers and marks it APPROVED: {number, title}. */
    private String[] number(Connection c, Batch b, int year, Instant now) throws SQLException {
        int seq = BatchNumbers.next(c, BatchNumbers.NATIONAL, year);
        Integer destinationSeq = b.provinceCode() == null ? null : BatchNumbers.next(c, b.provinceCode(), year);
        String number = String.format(Locale.ROOT, "%d-%03d", year, seq);
        String title = title(number, destinationSeq, b);
        if (BatchDao.update(c, "UPDATE tp_alloc_batch SET status = 'APPROVED', batch_year = ?, seq_no = ?, "
                + "destination_seq = ?, batch_no = ?, title = ?, approved_at = ? WHERE id = ? "
                + "AND status = 'RESERVING'", year, seq, destinationSeq, number, title, now, b.id()) == 0) {
            throw new ConflictException("Batch " + b.id() + " is no longer being approved");
        }
        return new String[] {number, title};
    }

    /** "Batch 4 to Hubei": the destination's count; a batch to several provinces goes by its national number. */
    private String title(String number, Integer destinationSeq, Batch b) {
        String to = provinceName(b.provinceCode());
        String n = destinationSeq == null ? number : destinationSeq.toString();
        if (BatchSpec.KIND_MUTUAL_AID.equals(b.kind())) {
            return "Batch " + n + ": mutual aid from " + provinceName(b.fromProvinceCode()) + " to " + to;
        }
        return "Batch " + n + " to " + to;
    }

    private String provinceName(String code) {
        return code == null ? "several provinces" : ctx.provinces().find(code).map(Province::nameEn).orElse(code);
    }

    private String provinceOfDepot(Map<Long, String> cache, long depotId) {
        return cache.computeIfAbsent(depotId, id -> Optional.ofNullable(ctx.depots().get(Caller.system("allocation"), id)
                .provinceCode()).orElse("")).transform(s -> s.isEmpty() ? null : s);
    }

    private static String single(List<String> values) {
        Set<String> distinct = new HashSet<>(values);
        return distinct.size() == 1 ? distinct.iterator().next() : null;
    }
}
