package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.required;

import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.ReplicaLedger;
import org.tongpao.inventory.ReplicaLot;
import org.tongpao.inventory.ReplicaMovement;
import org.tongpao.inventory.ReplicaPosting;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * {@link ReplicaLedger}: postings made on the node that keeps a depot's ledger, applied to this node's replica
 * of it. The replica's lots, postings and movements are ordinary ledger rows (so balances, reports and the
 * national figures read them like any other), stamped with the origin node's actor and time; {@code
 * tp_inv_replica_*} say which remote lot each lot is, which remote postings were applied and how recent each
 * depot's replica is. Nothing here records an event: a replica is not a change this node made.
 */
final class Replicas {

    /** A replicated lot as this node keeps it. */
    private record LocalLot(long id, long itemId, long depotId) {
    }

    /** A replica lot's reserved quantity to set, newer than the one it holds (1.11); {@code field} names the lot. */
    private record Reserved(long lotId, long quantity, String field, long remoteLotId) {
    }

    private final Ledger ledger;
    private final DataSource ds;

    Replicas(Ledger ledger, DataSource ds) {
        this.ledger = ledger;
        this.ds = ds;
    }

    boolean apply(Caller sender, ReplicaPosting p) {
        validate(p);
        ReplicaAges.Age[] age = new ReplicaAges.Age[1];
        boolean applied = ledger.write(sender, null, "inventory.replica", p, tx -> {
            DepotRef depot = replicatedDepot(tx, p);
            if (p.postingId() != null && Jdbc.count(tx.c, "SELECT COUNT(*) FROM tp_inv_replica_posting "
                    + "WHERE origin_node = ? AND remote_posting_id = ? AND part_no = ?",
                    List.of(p.node(), p.postingId(), p.part())) > 0) {
                tx.result = Boolean.FALSE;
                return new Ref("replica", p.node());
            }
            tx.actor = cut(p.node() + "/" + (p.actor() == null ? "?" : p.actor()), 128);
            tx.occurredAt = p.occurredAt().truncatedTo(ChronoUnit.MILLIS);
            // the posting's own lots, as this node keeps them: its movements need not look them up again
            Map<Long, LocalLot> sent = new HashMap<>();
            for (int i = 0; i < p.lots().size(); i++) {
                LocalLot lot = lot(tx, p.node(), depot, p.lots().get(i), "lots[" + i + "]");
                if (lot != null) {
                    sent.put(p.lots().get(i).lotId(), lot);
                }
            }
            List<Reserved> reserved = newerReserved(tx, p, sent);
            // held stock leaving (a dispatch) is unheld before its movement takes it; a new hold after any movement
            reserve(tx, p, reserved, true);
            String entity = "lot-status".equals(p.operation()) ? "lot-status" : "reservation";
            String entityId = p.node();
            if (p.postingId() != null) {
                long postingId = book(tx, p, depot, sent);
                entity = "posting";
                entityId = Long.toString(postingId);
            }
            reserve(tx, p, reserved, false);
            age[0] = new ReplicaAges.Age(depot.id(), p.node(), tx.occurredAt, tx.now);
            if (ages().isEmpty()) {
                age[0].write(tx.c);
            }
            ledger.audit.record(tx.c, sender, entity, entityId, "REPLICATE", null, p);
            tx.result = Boolean.TRUE;
            return new Ref("replica", p.node());
        }, Boolean.class, (c, ref) -> Boolean.FALSE);
        if (applied && age[0] != null) {
            // joined to an enclosing transaction: its depot's age is written once for all, before that commits
            ages().ifPresent(ages -> ages.add(age[0]));
        }
        return applied;
    }

    /** The ages gathered for the enclosing transaction this write joins; empty when it is a transaction of its own. */
    private Optional<ReplicaAges> ages() {
        return Transactions.beforeEnclosingCommit(ds, this, ReplicaAges::new);
    }

    private static void validate(ReplicaPosting p) {
        required("body", p);
        required("node", p.node());
        required("depotCode", p.depotCode());
        required("occurredAt", p.occurredAt());
        required("operation", p.operation());
        if (p.operation().length() > 32) {
            throw new ValidationException("operation", "operation must be at most 32 characters");
        }
        if (p.part() < 1 || p.part() > p.parts()) {
            throw new ValidationException("part", "part must be between 1 and parts");
        }
        for (int i = 0; i < p.lots().size(); i++) {
            ReplicaLot l = p.lots().get(i);
            required("lots[" + i + "]", l);
            required("lots[" + i + "].itemCode", l.itemCode());
            required("lots[" + i + "].origin", l.origin());
            required("lots[" + i + "].sourceDocument", l.sourceDocument());
            required("lots[" + i + "].receivedOn", l.receivedOn());
            required("lots[" + i + "].status", l.status());
        }
        for (int i = 0; i < p.movements().size(); i++) {
            required("movements[" + i + "]", p.movements().get(i));
            required("movements[" + i + "].type", p.movements().get(i).type());
        }
    }

    /**
     * The depot, locked like every write's ({@link CoreLookups#stockDepotByCode}): unknown is a 400; outside the
     * sender's write scope a 403; kept by another node than the posting's (or by this one) a 409.
     */
    private DepotRef replicatedDepot(Tx tx, ReplicaPosting p) throws SQLException {
        DepotRef depot = ledger.core.stockDepotByCode(tx.c, p.depotCode(), "depotCode");
        Scope.requireWrite(tx.caller, depot);
        Optional<String> owner = ledger.owners.remoteOwner(depot);
        if (!owner.equals(Optional.of(p.node()))) {
            throw new ConflictException("depotCode", "depot " + depot.code() + "'s ledger is kept by "
                    + owner.map(o -> "node " + o).orElse("this node") + ", not by node " + p.node()
                    + ": its postings are not replicated here");
        }
        return depot;
    }

    /**
     * The reserved quantities the posting's lots carry that are newer than the ones their replicas took (by the
     * origin's sequence; none: newest), each claimed as the replica's latest: a parked message retried late, or an
     * old copy, leaves a newer quantity as it is.
     */
    private List<Reserved> newerReserved(Tx tx, ReplicaPosting p, Map<Long, LocalLot> sent) throws SQLException {
        List<Reserved> newer = new ArrayList<>();
        for (int i = 0; i < p.lots().size(); i++) {
            ReplicaLot l = p.lots().get(i);
            if (l.reserved() == null) {
                continue;
            }
            String field = "lots[" + i + "]";
            if (l.reserved() < 0) {
                throw new ValidationException(field + ".reserved", field + ".reserved must not be negative");
            }
            LocalLot lot = sent.containsKey(l.lotId()) ? sent.get(l.lotId()) : known(tx, p.node(), l.lotId());
            boolean claimed = p.sequence() == null || Jdbc.update(tx.c, "UPDATE tp_inv_replica_lot SET reserved_seq = ? "
                    + "WHERE origin_node = ? AND remote_lot_id = ? AND (reserved_seq IS NULL OR reserved_seq < ?)",
                    List.of(p.sequence(), p.node(), l.lotId(), p.sequence())) == 1;
            if (claimed) {
                newer.add(new Reserved(lot.id(), l.reserved(), field, l.lotId()));
            }
        }
        return newer;
    }

    /** Sets the replicas' reserved quantities that go down ({@code lowering}) or up; a 409 past the lot's on hand. */
    private void reserve(Tx tx, ReplicaPosting p, List<Reserved> reserved, boolean lowering) throws SQLException {
        for (Reserved r : reserved) {
            long held = ledger.balances.reserved(tx, r.lotId());
            if ((r.quantity() < held) == lowering && !ledger.balances.reserveAs(tx, r.lotId(), held, r.quantity())) {
                throw new ConflictException(r.field() + ".reserved", "the replica of lot " + p.node() + "/"
                        + r.remoteLotId() + " holds less on hand than the " + r.quantity() + " reserved there");
            }
        }
    }

    /**
     * Creates the replica of a remote lot, or brings its status up to date; returns it as kept here (null for a lot
     * of this node's that it continues).
     */
    private LocalLot lot(Tx tx, String node, DepotRef depot, ReplicaLot l, String field) throws SQLException {
        LocalLot known = known(tx, node, l.lotId());
        if (known != null) {
            if (known.depotId() != depot.id()) {
                throw new ValidationException(field + ".lotId", "lot " + node + "/" + l.lotId()
                        + " is replicated in another depot");
            }
            Jdbc.update(tx.c, "UPDATE tp_inv_lot SET lot_status = ? WHERE id = ? AND lot_status <> ?",
                    List.of(l.status(), known.id(), l.status()));
            Designation d = Designations.fromNode(tx.c, l.designation(), field + ".designation");
            if (d != null) { // a replica made before 1.7 learns the designation the origin's lot always had
                List<Object> args = new ArrayList<>(Designations.columns(d));
                args.add(known.id());
                Jdbc.update(tx.c, "UPDATE tp_inv_lot SET designation_kind = ?, designation_province = ?, "
                        + "designation_unit_id = ?, designation_label = ? WHERE id = ? AND designation_kind IS NULL", args);
            }
            return known;
        }
        if (l.localLotId() != null) {
            adopt(tx, node, depot, l, field);
            return null;
        }
        long itemId = Jdbc.one(tx.c, "SELECT id FROM tp_core_v1_item WHERE code = ?", List.of(l.itemCode()),
                rs -> rs.getLong(1)).orElseThrow(() -> new ValidationException(field + ".itemCode",
                        "no item with code " + l.itemCode()));
        LocalLot parent = l.parentLotId() == null ? null : known(tx, node, l.parentLotId());
        // the replica keeps the origin lot's designation (1.7), its org unit found here by code
        List<Object> args = new ArrayList<>(Arrays.asList(itemId, depot.id(), l.origin(), cut(l.sourceDocument(), 128),
                l.expiryDate(), l.receivedOn(), l.status(), parent == null ? null : parent.id(), l.receivedQuantity(),
                tx.occurredAt));
        args.addAll(Designations.columns(Designations.fromNode(tx.c, l.designation(), field + ".designation")));
        long id = Jdbc.insert(tx.c, "INSERT INTO tp_inv_lot (item_id, depot_id, origin, source_document, expiry_date, "
                + "received_on, lot_status, parent_lot_id, received_quantity, created_at, " + Designations.COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
        Jdbc.update(tx.c, "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved) "
                + "VALUES (?, ?, ?, 0, 0)", List.of(id, depot.id(), itemId));
        tx.created(id, itemId, depot.id(), l.expiryDate());
        Jdbc.update(tx.c, "INSERT INTO tp_inv_replica_lot (origin_node, remote_lot_id, lot_id) VALUES (?, ?, ?)",
                List.of(node, l.lotId(), id));
        return new LocalLot(id, itemId, depot.id());
    }

    /**
     * The origin node's lot continues one of this node's own (handed over by a rebuild): that lot, in the same
     * depot and not yet a replica, becomes the replica of the remote lot, with the stock it holds.
     */
    private static void adopt(Tx tx, String node, DepotRef depot, ReplicaLot l, String field) throws SQLException {
        boolean own = Jdbc.count(tx.c, "SELECT COUNT(*) FROM tp_inv_lot l WHERE l.id = ? AND l.depot_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM tp_inv_replica_lot r WHERE r.lot_id = l.id)",
                List.of(l.localLotId(), depot.id())) > 0;
        if (!own) {
            throw new ValidationException(field + ".localLotId", "lot " + l.localLotId() + " is not a lot of depot "
                    + depot.code() + " kept here that another lot could continue");
        }
        Jdbc.update(tx.c, "UPDATE tp_inv_lot SET lot_status = ? WHERE id = ?", List.of(l.status(), l.localLotId()));
        Jdbc.update(tx.c, "INSERT INTO tp_inv_replica_lot (origin_node, remote_lot_id, lot_id) VALUES (?, ?, ?)",
                List.of(node, l.lotId(), l.localLotId()));
    }

    private static LocalLot known(Tx tx, String node, long remoteLotId) throws SQLException {
        return Jdbc.one(tx.c, "SELECT l.id, l.item_id, l.depot_id FROM tp_inv_replica_lot r "
                + "JOIN tp_inv_lot l ON l.id = r.lot_id WHERE r.origin_node = ? AND r.remote_lot_id = ?",
                List.of(node, remoteLotId), rs -> new LocalLot(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .orElse(null);
    }

    /**
     * Books the movements as one local posting at the origin's time, the balances following; a movement that
     * would take more than the replica holds is a 409 (the replica has missed something: the inbox parks it).
     */
    private long book(Tx tx, ReplicaPosting p, DepotRef depot, Map<Long, LocalLot> sent) throws SQLException {
        long postingId = ledger.postings.open(tx, p.operation(), depot.id());
        Map<Long, LocalLot> lots = new HashMap<>(sent);
        for (int i = 0; i < p.movements().size(); i++) {
            ReplicaMovement m = p.movements().get(i);
            String field = "movements[" + i + "]";
            LocalLot lot = lots.get(m.lotId());
            if (lot == null) {
                lot = known(tx, p.node(), m.lotId());
                if (lot == null || lot.depotId() != depot.id()) {
                    throw new ValidationException(field + ".lotId", "lot " + p.node() + "/" + m.lotId()
                            + " was neither sent nor replicated in depot " + depot.code() + " before");
                }
                lots.put(m.lotId(), lot);
            }
            if (m.quantity() >= 0) {
                ledger.balances.put(tx, lot.id(), m.quantity());
            } else if (!ledger.balances.take(tx, lot.id(), -m.quantity())) {
                throw new ConflictException(field + ".quantity", "the replica of lot " + p.node() + "/" + m.lotId()
                        + " holds " + ledger.balances.free(tx, lot.id()) + ", less than the " + -m.quantity()
                        + " the posting takes");
            }
            ledger.postings.move(tx, postingId, m.type(), depot.id(), lot.itemId(), lot.id(), m.quantity(),
                    cut(m.reason(), 16), null, null, null, null);
        }
        Jdbc.update(tx.c, "INSERT INTO tp_inv_replica_posting (origin_node, remote_posting_id, part_no, posting_id, "
                + "applied_at) VALUES (?, ?, ?, ?, ?)", List.of(p.node(), p.postingId(), p.part(), postingId, tx.now));
        return postingId;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
