package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.optionalText;
import static org.tongpao.core.Checks.positive;
import static org.tongpao.core.Checks.required;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Destination;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;
import org.tongpao.inventory.internal.Picker.Pick;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * Transfers between depots: transfer-out books TRANSFER_OUT and leaves the goods in transit; the receiving
 * side books TRANSFER_IN of everything sent (so the transit account clears), then the shortfall and damage.
 */
final class Transfers {
    static final String SELECT = "SELECT t.id, t.from_depot_id, t.to_depot_id, t.item_id, t.quantity, "
            + "t.transfer_status, t.received_quantity, t.damaged_quantity, t.source_document, t.dispatched_at, "
            + "t.received_at, t.to_org_unit_id, x.xnode_id AS cross_node_id FROM tp_inv_transfer t "
            + "LEFT JOIN tp_inv_xnode_transfer x ON x.transfer_id = t.id ";

    /**
     * A source lot's line of a transfer being received, and the new lot it becomes at the destination; a line
     * from another node has no parent lot here, and counts what was taken off it as short and damaged.
     */
    static final class Arrival {
        final Long parentLotId;
        final long sent;
        final LocalDate expiry;
        final CrossNodeTransfer.Line remote;
        /** The parent lot's designation, which the new lot inherits (1.6; from another node's line since 1.7); null for none. */
        Designation designation;
        long lotId;
        long left;
        long shortfall;
        long damaged;

        Arrival(Long parentLotId, long sent, LocalDate expiry, CrossNodeTransfer.Line remote) {
            this.parentLotId = parentLotId;
            this.sent = sent;
            this.expiry = expiry;
            this.remote = remote;
        }

        CrossNodeTransfer.Line counted() {
            return new CrossNodeTransfer.Line(remote.lineNo(), remote.itemCode(), sent, expiry, remote.origin(),
                    remote.sourceDocument(), remote.lot(), sent - shortfall, shortfall, damaged, remote.designation());
        }
    }

    private final Ledger ledger;
    private final CrossNode crossNode;
    private final UnitDeliveries unitDeliveries;
    private final Designations designations;

    Transfers(Ledger ledger, CrossNode crossNode, Designations designations) {
        this.ledger = ledger;
        this.crossNode = crossNode;
        this.designations = designations;
        this.unitDeliveries = new UnitDeliveries(ledger);
    }

    static Transfer map(ResultSet rs) throws SQLException {
        return new Transfer(rs.getLong("id"), rs.getLong("from_depot_id"), rs.getLong("to_depot_id"),
                rs.getLong("item_id"), rs.getLong("quantity"), Transfer.Status.valueOf(rs.getString("transfer_status")),
                rs.getLong("received_quantity"), rs.getLong("damaged_quantity"), rs.getString("source_document"),
                Sql.getInstant(rs, "dispatched_at"), Sql.getInstant(rs, "received_at"), rs.getString("cross_node_id"),
                Sql.getLong(rs, "to_org_unit_id"));
    }

    static Transfer load(Connection c, long id) throws SQLException {
        return Jdbc.one(c, SELECT + "WHERE t.id = ?", List.of(id), Transfers::map).orElse(null);
    }

    /** Books the transfer-out of picked (or shipped) lots and records the transfer in transit. */
    long create(Tx tx, long fromDepotId, long toDepotId, long itemId, List<Pick> picks, String sourceDocument,
            String note, Long reservationId) throws SQLException {
        return create(tx, fromDepotId, Destination.depot(toDepotId), itemId, picks, sourceDocument, note, reservationId);
    }

    long create(Tx tx, long fromDepotId, Destination to, long itemId, List<Pick> picks, String sourceDocument,
            String note, Long reservationId) throws SQLException {
        long qty = picks.stream().mapToLong(Pick::quantity).sum();
        long transferId = Jdbc.insert(tx.c, "INSERT INTO tp_inv_transfer (from_depot_id, to_depot_id, to_org_unit_id, "
                + "item_id, quantity, transfer_status, received_quantity, damaged_quantity, source_document, "
                + "reservation_id, note, dispatched_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)", Arrays.asList(
                        fromDepotId, to.depotId(), to.orgUnitId(), itemId, qty, Transfer.Status.IN_TRANSIT,
                        sourceDocument, reservationId, note, tx.now));
        long postingId = ledger.postings.open(tx, "transfer-out", fromDepotId);
        for (Pick p : picks) {
            Jdbc.update(tx.c, "INSERT INTO tp_inv_transfer_line (transfer_id, lot_id, quantity) VALUES (?, ?, ?)",
                    List.of(transferId, p.lotId(), p.quantity()));
            ledger.postings.move(tx, postingId, MovementType.TRANSFER_OUT, fromDepotId, itemId, p.lotId(),
                    -p.quantity(), null, null, transferId, sourceDocument, note);
        }
        ledger.events.movement(tx, postingId, "transfer-out", fromDepotId);
        if (to.depotId() != null) {
            crossNode.afterTransferOut(tx, transferId, fromDepotId, to.depotId(), itemId, picks, sourceDocument);
        }
        return transferId;
    }

    Transfer transferOut(Caller caller, NewTransfer r, String key) {
        Scope.requireStockWriter(caller);
        required("body", r);
        required("fromDepotId", r.fromDepotId());
        required("toDepotId", r.toDepotId());
        required("itemId", r.itemId());
        positive("quantity", r.quantity());
        if (r.fromDepotId().equals(r.toDepotId())) {
            throw new ValidationException("toDepotId", "toDepotId must differ from fromDepotId");
        }
        String source = optionalText("sourceDocument", r.sourceDocument(), 128);
        String note = optionalText("note", r.note(), 500);
        return ledger.write(caller, key, "inventory.transfer", r, tx -> {
            DepotRef from = ledger.core.stockDepotField(tx.c, caller, r.fromDepotId(), "fromDepotId");
            Scope.requireWrite(caller, from);
            ledger.owners.requireKeptHere(from, "fromDepotId");
            DepotRef to = ledger.core.targetDepotField(tx.c, caller, from, r.toDepotId(), "toDepotId");
            CoreLookups.requireActive(from, "fromDepotId");
            CoreLookups.requireActive(to, "toDepotId");
            Destination dest = Destination.depot(to.id());
            Designations.Gate gate = designations.gate(tx, dest, r.overrideReason(), "toDepotId");
            List<Pick> picks = ledger.picker.pick(tx, from.id(), r.itemId(), "itemId", r.quantity(), r.lotId(),
                    "lotId", false, gate);
            long transferId = create(tx, from.id(), r.toDepotId(), r.itemId(), picks, source, note, null);
            designations.recordOverrides(tx, gate, picks, "transfer-out", postingOf(tx, transferId), transferId, dest);
            Transfer sent = load(tx.c, transferId);
            ledger.audit.record(tx.c, caller, "transfer", Long.toString(transferId), "DISPATCH", null, sent);
            tx.result = sent;
            return new Ref("transfer", Long.toString(transferId));
        }, Transfer.class, (c, ref) -> load(c, Long.parseLong(ref.id())));
    }

    /** The transfer-out posting this write just made for a transfer (its movements are in {@link Tx#moved}). */
    static Long postingOf(Tx tx, long transferId) {
        return tx.moved.stream().filter(m -> m.transferId() != null && m.transferId() == transferId)
                .map(org.tongpao.inventory.Movement::postingId).findFirst().orElse(null);
    }

    /** Scope of a transfer: visible from either side; received only by the destination's scope. */
    private Transfer visible(Connection c, Caller caller, long id) throws SQLException {
        Transfer t = load(c, id);
        if (t == null) {
            throw new NotFoundException("transfer", id);
        }
        DepotRef from = ledger.core.depot(c, t.fromDepotId());
        DepotRef to = destination(c, t);
        if (!Scope.canRead(caller, from) && !Scope.canRead(caller, to)) {
            throw new NotFoundException("transfer", id);
        }
        return t;
    }

    /** The receiving end as a depot reference; an org unit (1.5) reads as one with the unit's code and province. */
    private DepotRef destination(Connection c, Transfer t) throws SQLException {
        return t.toUnit() ? ledger.core.unitAsDestination(c, t.toOrgUnitId()) : ledger.core.depot(c, t.toDepotId());
    }

    Transfer transfer(Caller caller, long id) {
        return ledger.read(c -> visible(c, caller, id));
    }

    Transfer receive(Caller caller, long transferId, long received, long damaged, String note, String key) {
        Scope.requireStockWriter(caller);
        if (received < 0) {
            throw new ValidationException("receivedQuantity", "receivedQuantity must not be negative");
        }
        if (damaged < 0) {
            throw new ValidationException("damagedQuantity", "damagedQuantity must not be negative");
        }
        if (damaged > received) {
            throw new ValidationException("damagedQuantity", "damagedQuantity cannot exceed receivedQuantity");
        }
        String cleanNote = optionalText("note", note, 500);
        Map<String, Object> request = new HashMap<>();
        request.put("receivedQuantity", received);
        request.put("damagedQuantity", damaged);
        request.put("note", cleanNote);
        ledger.write(caller, key, "inventory.transfer-receipt:" + transferId, request, tx -> {
            Transfer t = visible(tx.c, caller, transferId);
            if (t.toUnit()) {
                unitDeliveries.deliver(tx, caller, t, destination(tx.c, t), received, damaged, cleanNote);
                return new Ref("transfer", Long.toString(transferId));
            }
            CrossNodeTransfer remote = CrossNode.of(tx.c, transferId);
            CrossNode.requireReceivedHere(remote);
            DepotRef to = ledger.core.depot(tx.c, t.toDepotId());
            Scope.requireWrite(caller, to);
            ledger.owners.requireKeptHere(to, null);
            if (!to.active()) {
                // deactivation is refused while goods are in transit to a depot; this is older data
                throw new ConflictException("Transfer " + transferId + " goes to depot " + to.code()
                        + ", which is inactive; reactivate it to receive the goods");
            }
            if (received > t.quantity()) {
                throw new ValidationException("receivedQuantity", "receivedQuantity cannot exceed the "
                        + t.quantity() + " sent");
            }
            markReceived(tx, transferId, received, damaged);
            List<Arrival> arrivals = remote == null ? arrivals(tx, t.id()) : remoteArrivals(tx, remote);
            bookArrival(tx, t, to, arrivals, received, damaged, cleanNote);
            if (remote != null) {
                crossNode.afterInboundReceipt(tx, remote, arrivals.stream().map(Arrival::counted)
                        .sorted(Comparator.comparingInt(CrossNodeTransfer.Line::lineNo)).toList());
            }
            ledger.audit.record(tx.c, caller, "transfer", Long.toString(transferId), "RECEIVE", t,
                    load(tx.c, transferId));
            return new Ref("transfer", Long.toString(transferId));
        });
        return ledger.read(c -> load(c, transferId));
    }

    /**
     * The goods come back into the sending depot, into the lots they left (TRANSFER_IN tied to the transfer), so
     * the transit account clears at the sender; the RETURNED status keeps a receipt from booking them twice.
     */
    Transfer returnToSender(Caller caller, long transferId, String note, String key) {
        Scope.requireStockWriter(caller);
        String cleanNote = optionalText("note", note, 500);
        Map<String, Object> request = new HashMap<>();
        request.put("note", cleanNote);
        ledger.write(caller, key, "inventory.transfer-return:" + transferId, request, tx -> {
            Transfer t = visible(tx.c, caller, transferId);
            if (CrossNode.of(tx.c, transferId) != null) {
                throw new ConflictException("Transfer " + transferId + " crosses nodes; its return is not supported");
            }
            DepotRef from = ledger.core.depot(tx.c, t.fromDepotId());
            Scope.requireWrite(caller, from);
            ledger.owners.requireKeptHere(from, null);
            if (Jdbc.update(tx.c, "UPDATE tp_inv_transfer SET transfer_status = ?, received_at = ? WHERE id = ? "
                    + "AND transfer_status = ?", List.of(Transfer.Status.RETURNED, tx.now, transferId,
                            Transfer.Status.IN_TRANSIT)) != 1) {
                throw new ConflictException("Transfer " + transferId + " is " + t.status() + ", not in transit");
            }
            long postingId = ledger.postings.open(tx, "transfer-in", from.id());
            String source = t.sourceDocument() != null ? t.sourceDocument() : "transfer:" + t.id();
            String why = cleanNote != null ? cleanNote : "returned to sender";
            for (long[] line : Jdbc.query(tx.c, "SELECT lot_id, quantity FROM tp_inv_transfer_line WHERE transfer_id = ? "
                    + "ORDER BY lot_id", List.of(transferId), rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
                ledger.balances.put(tx, line[0], line[1]);
                ledger.postings.move(tx, postingId, MovementType.TRANSFER_IN, from.id(), t.itemId(), line[0], line[1],
                        null, null, t.id(), source, why);
            }
            ledger.events.movement(tx, postingId, "transfer-in", from.id());
            ledger.audit.record(tx.c, caller, "transfer", Long.toString(transferId), "RETURN", t, load(tx.c, transferId));
            return new Ref("transfer", Long.toString(transferId));
        });
        return ledger.read(c -> load(c, transferId));
    }

    /** The status flip is the guard against a second receipt racing this one. */
    static void markReceived(Tx tx, long transferId, long received, long damaged) throws SQLException {
        if (Jdbc.update(tx.c, "UPDATE tp_inv_transfer SET transfer_status = ?, received_quantity = ?, "
                + "damaged_quantity = ?, received_at = ? WHERE id = ? AND transfer_status = ?",
                List.of(Transfer.Status.RECEIVED, received, damaged, tx.now, transferId,
                        Transfer.Status.IN_TRANSIT)) != 1) {
            throw new ConflictException("Transfer " + transferId + " has already been received");
        }
    }

    /**
     * Books everything sent into new lots at the destination, so the transit account clears; then the
     * shortfall off the last-expiring new lots (ADJUSTMENT/LOSS) and the damage off the first (WRITE_OFF/DAMAGED).
     */
    private void bookArrival(Tx tx, Transfer t, DepotRef to, List<Arrival> arrivals, long received, long damaged,
            String note) throws SQLException {
        long postingId = ledger.postings.open(tx, "transfer-in", to.id());
        String source = t.sourceDocument() != null ? t.sourceDocument() : "transfer:" + t.id();
        for (Arrival a : arrivals) {
            a.lotId = ledger.lots.create(tx, t.itemId(), to.id(), LotOrigin.TRANSFER, source, a.expiry, a.parentLotId,
                    a.sent, a.designation);
            a.left = a.sent;
            ledger.balances.put(tx, a.lotId, a.sent);
            ledger.postings.move(tx, postingId, MovementType.TRANSFER_IN, to.id(), t.itemId(), a.lotId, a.sent, null,
                    null, t.id(), source, note);
        }
        long shortfall = t.quantity() - received;
        for (int i = arrivals.size() - 1; i >= 0 && shortfall > 0; i--) {
            Arrival a = arrivals.get(i);
            long taken = takeOff(tx, postingId, t, to, a, shortfall, MovementType.ADJUSTMENT,
                    AdjustmentReason.LOSS.name(), source, note);
            a.shortfall += taken;
            shortfall -= taken;
        }
        long damage = damaged;
        for (int i = 0; i < arrivals.size() && damage > 0; i++) {
            Arrival a = arrivals.get(i);
            long taken = takeOff(tx, postingId, t, to, a, damage, MovementType.WRITE_OFF,
                    WriteOffReason.DAMAGED.name(), source, note);
            a.damaged += taken;
            damage -= taken;
        }
        if (t.quantity() != received || damaged > 0) {
            tx.lowered(to.id(), t.itemId());
        }
        ledger.events.movement(tx, postingId, "transfer-in", to.id());
    }

    /** Source lots' expiry comes from the lot table alone: their balance rows may be locked by others. */
    static List<Arrival> arrivals(Tx tx, long transferId) throws SQLException {
        return Jdbc.query(tx.c, "SELECT tl.lot_id, tl.quantity, l.expiry_date, l."
                + Designations.COLUMNS.replace(", ", ", l.") + " "
                + "FROM tp_inv_transfer_line tl JOIN tp_inv_lot l ON l.id = tl.lot_id "
                + "WHERE tl.transfer_id = ? ORDER BY CASE WHEN l.expiry_date IS NULL THEN 1 ELSE 0 END, "
                + "l.expiry_date, tl.lot_id", List.of(transferId),
                rs -> {
                    Arrival a = new Arrival(rs.getLong(1), rs.getLong(2), Jdbc.localDate(rs, "expiry_date"), null);
                    a.designation = Designations.read(rs);
                    return a;
                });
    }

    /** The lines another node sent, first expiry first (no expiry last), as the local arrivals are ordered. */
    private static List<Arrival> remoteArrivals(Tx tx, CrossNodeTransfer remote) throws SQLException {
        List<Arrival> out = remote.lines().stream()
                .sorted(Comparator.comparing(CrossNodeTransfer.Line::expiryDate,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(CrossNodeTransfer.Line::lineNo))
                .map(l -> new Arrival(null, l.quantity(), l.expiryDate(), l)).toList();
        for (Arrival a : out) { // the source lot's designation came with the line (1.7): inherited as a local one's
            a.designation = Designations.fromNode(tx.c, a.remote.designation(), "lines");
        }
        return out;
    }

    /** Takes up to {@code wanted} off a new lot as one movement; returns what it took. */
    private long takeOff(Tx tx, long postingId, Transfer t, DepotRef to, Arrival a, long wanted, MovementType type,
            String reason, String source, String note) throws SQLException {
        long q = Math.min(wanted, a.left);
        if (q == 0) {
            return 0;
        }
        ledger.balances.takeOrFail(tx, a.lotId, q);
        a.left -= q;
        ledger.postings.move(tx, postingId, type, to.id(), t.itemId(), a.lotId, -q, reason, null, t.id(), source,
                note);
        return q;
    }
}
