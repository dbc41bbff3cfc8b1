package org.tongpao.inventory.internal;

import java.sql.SQLException;
import java.util.List;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.WriteOffReason;
import org.tongpao.inventory.internal.Scope.DepotRef;
import org.tongpao.inventory.internal.Transfers.Arrival;

/**
 * The proof of delivery of a transfer to an org unit without a depot (a front-line station). No depot receives the
 * goods, so the sending depot's ledger closes the transit account: one posting there takes everything sent back
 * onto its source lots (TRANSFER_IN), then the shortfall off the last-expiring (ADJUSTMENT/LOSS), the damage off
 * the first-expiring (WRITE_OFF/DAMAGED), and issues the rest to the unit (ISSUE). Every movement names the unit.
 */
final class UnitDeliveries {
    static final String OPERATION = "unit-delivery";

    private final Ledger ledger;

    UnitDeliveries(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Runs inside the transfer receipt's write: the same transaction, Idempotency-Key and audit rules. */
    void deliver(Tx tx, Caller caller, Transfer t, DepotRef unit, long received, long damaged, String note)
            throws SQLException {
        requireDeliverer(caller, unit);
        DepotRef from = ledger.core.depot(tx.c, t.fromDepotId());
        ledger.owners.requireKeptHere(from, null);
        if (received > t.quantity()) {
            throw new ValidationException("receivedQuantity", "receivedQuantity cannot exceed the " + t.quantity()
                    + " sent");
        }
        Transfers.markReceived(tx, t.id(), received, damaged);
        List<Arrival> arrivals = Transfers.arrivals(tx, t.id());
        String source = t.sourceDocument() != null ? t.sourceDocument() : "transfer:" + t.id();
        long postingId = ledger.postings.open(tx, OPERATION, from.id());
        for (Arrival a : arrivals) {
            ledger.balances.put(tx, a.parentLotId, a.sent);
            a.left = a.sent;
            ledger.postings.move(tx, postingId, MovementType.TRANSFER_IN, from.id(), t.itemId(), a.parentLotId, a.sent,
                    null, unit.id(), t.id(), source, note);
        }
        long shortfall = t.quantity() - received;
        for (int i = arrivals.size() - 1; i >= 0 && shortfall > 0; i--) {
            shortfall -= takeOff(tx, postingId, t, from, unit, arrivals.get(i), shortfall, MovementType.ADJUSTMENT,
                    AdjustmentReason.LOSS.name(), source, note);
        }
        long damage = damaged;
        for (int i = 0; i < arrivals.size() && damage > 0; i++) {
            damage -= takeOff(tx, postingId, t, from, unit, arrivals.get(i), damage, MovementType.WRITE_OFF,
                    WriteOffReason.DAMAGED.name(), source, note);
        }
        for (Arrival a : arrivals) {
            takeOff(tx, postingId, t, from, unit, a, a.left, MovementType.ISSUE, null, source, note);
        }
        ledger.events.movement(tx, postingId, OPERATION, from.id());
        ledger.audit.record(tx.c, caller, "transfer", Long.toString(t.id()), "DELIVER", t, Transfers.load(tx.c, t.id()));
    }

    /** Ministry roles, or an officer of the unit's province: a depot keeper keeps no station. */
    private static void requireDeliverer(Caller caller, DepotRef unit) {
        boolean officer = caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null
                && caller.provinceCode().equals(unit.provinceCode());
        if (!caller.isMinistry() && !officer) {
            throw new AccessDeniedException("Only ministry roles or an officer of the receiving unit's province "
                    + "confirm a delivery to org unit " + unit.code());
        }
    }

    /** Takes up to {@code wanted} off a source lot as one movement; returns what it took. */
    private long takeOff(Tx tx, long postingId, Transfer t, DepotRef from, DepotRef unit, Arrival a, long wanted,
            MovementType type, String reason, String source, String note) throws SQLException {
        long q = Math.min(wanted, a.left);
        if (q == 0) {
            return 0;
        }
        ledger.balances.takeOrFail(tx, a.parentLotId, q);
        a.left -= q;
        ledger.postings.move(tx, postingId, type, from.id(), t.itemId(), a.parentLotId, -q, reason, unit.id(), t.id(),
                source, note);
        return q;
    }
}
