package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.optionalText;
import static org.tongpao.core.Checks.positive;
import static org.tongpao.core.Checks.required;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.Destination;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.internal.Picker.Pick;
import org.tongpao.inventory.internal.Scope.DepotRef;

/** Reservations hold stock (raise {@code reserved}) until released or dispatched as a transfer. */
record Reservations(Ledger ledger, Transfers transfers, Designations designations) {
    static Reservation load(Connection c, long id) throws SQLException {
        List<Reservation.Line> lines = Jdbc.query(c, "SELECT lot_id, quantity FROM tp_inv_reservation_line "
                + "WHERE reservation_id = ? ORDER BY lot_id", List.of(id),
                rs -> new Reservation.Line(rs.getLong(1), rs.getLong(2)));
        return Jdbc.one(c, "SELECT id, depot_id, item_id, quantity, holder, reservation_status FROM tp_inv_reservation "
                + "WHERE id = ?", List.of(id), rs -> new Reservation(rs.getLong("id"), rs.getLong("depot_id"),
                        rs.getLong("item_id"), rs.getLong("quantity"), rs.getString("holder"),
                        Reservation.Status.valueOf(rs.getString("reservation_status")), lines)).orElse(null);
    }

    Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder, String key) {
        return reserve(caller, depotId, itemId, quantity, holder, null, key);
    }

    /**
     * Holds stock; for a known {@code destination} (1.6) only lots whose designation admits it, else undesignated
     * lots first (a reservation that will go somewhere not yet named).
     */
    Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder, Destination destination,
            String key) {
        Scope.requireStockWriter(caller);
        positive("quantity", quantity);
        String cleanHolder = optionalText("holder", holder, 128);
        required("holder", cleanHolder);
        Map<String, Object> request = new HashMap<>(Map.of("depotId", depotId, "itemId", itemId, "quantity", quantity,
                "holder", cleanHolder));
        if (destination != null) {
            request.put("toDepotId", destination.depotId());
            request.put("toOrgUnitId", destination.orgUnitId());
        }
        Ref ref = ledger.write(caller, key, "inventory.reserve", request, tx -> {
            ledger.core.writableStockDepot(tx, depotId, "depotId");
            Designations.Gate gate = destination == null ? null : designations.gate(tx, destination, null,
                    destination.toDepot() ? "toDepotId" : "toOrgUnitId");
            List<Pick> picks = ledger.picker.pick(tx, depotId, itemId, "itemId", quantity, null, "lotId", true, gate);
            long id = Jdbc.insert(tx.c, "INSERT INTO tp_inv_reservation (depot_id, item_id, quantity, holder, "
                    + "reservation_status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    List.of(depotId, itemId, quantity, cleanHolder, Reservation.Status.HELD, caller.user(), tx.now));
            for (Pick p : picks) {
                Jdbc.update(tx.c, "INSERT INTO tp_inv_reservation_line (reservation_id, lot_id, quantity) "
                        + "VALUES (?, ?, ?)", List.of(id, p.lotId(), p.quantity()));
            }
            ledger.audit.record(tx.c, caller, "reservation", Long.toString(id), "RESERVE", null, load(tx.c, id));
            ledger.picker.applyPending(tx); // the holds now, so the event carries the lots' reserved after them
            ledger.events.reserved(tx, id, "reserve", depotId, itemId, picks.stream().map(Pick::lotId).toList());
            return new Ref("reservation", Long.toString(id));
        });
        return ledger.read(c -> load(c, Long.parseLong(ref.id())));
    }

    private Reservation visible(Connection c, Caller caller, long id) throws SQLException {
        Reservation r = load(c, id);
        if (r == null || !Scope.canRead(caller, ledger.core.depot(c, r.depotId()))) {
            throw new NotFoundException("reservation", id);
        }
        return r;
    }

    Reservation reservation(Caller caller, long id) {
        return ledger.read(c -> visible(c, caller, id));
    }

    Reservation release(Caller caller, long id, String key) {
        Scope.requireStockWriter(caller);
        ledger.write(caller, key, "inventory.release:" + id, Map.of("reservationId", id), tx -> {
            Reservation r = visible(tx.c, caller, id);
            DepotRef depot = ledger.core.depot(tx.c, r.depotId());
            Scope.requireWrite(caller, depot);
            ledger.owners.requireKeptHere(depot, null);
            if (r.status() == Reservation.Status.RELEASED) {
                return new Ref("reservation", Long.toString(id));
            }
            close(tx, r, Reservation.Status.RELEASED);
            for (Reservation.Line l : r.lines()) {
                ledger.balances.unhold(tx, l.lotId(), l.quantity());
            }
            ledger.audit.record(tx.c, caller, "reservation", Long.toString(id), "RELEASE", r, load(tx.c, id));
            ledger.events.reserved(tx, id, "release", r.depotId(), r.itemId(),
                    r.lines().stream().map(Reservation.Line::lotId).toList());
            return new Ref("reservation", Long.toString(id));
        });
        return ledger.read(c -> load(c, id));
    }

    /** HELD → {@code status}; the guarded update makes a concurrent second close fail. */
    private static void close(Tx tx, Reservation r, Reservation.Status status) throws SQLException {
        if (Jdbc.update(tx.c, "UPDATE tp_inv_reservation SET reservation_status = ?, closed_at = ? "
                + "WHERE id = ? AND reservation_status = ?", List.of(status, tx.now, r.id(), Reservation.Status.HELD)) != 1) {
            throw new ConflictException("Reservation " + r.id() + " is " + r.status() + ", not HELD");
        }
    }

    /**
     * Dispatches a held reservation to {@code toDepotId}. On the caller's own authority ({@code approvedRoute}
     * false: the REST API) the destination must be one the caller may target from the reservation's depot
     * ({@link org.tongpao.core.ScopeRules#canTarget}); for a route an approved allocation batch authorised
     * (true: {@link org.tongpao.inventory.InventoryService#dispatch}) any existing depot. Either way an
     * unacceptable destination is the 404 of an unknown one.
     */
    Transfer dispatch(Caller caller, long id, long toDepotId, String sourceDocument, String key,
            boolean approvedRoute) {
        return dispatch(caller, id, toDepotId, sourceDocument, null, key, approvedRoute);
    }

    /**
     * As above with a ministry-admin's {@code overrideReason} (1.6) for held lots whose designation does not admit
     * the destination; without one such a lot makes the dispatch a 409 naming its designation.
     */
    Transfer dispatch(Caller caller, long id, long toDepotId, String sourceDocument, String overrideReason, String key,
            boolean approvedRoute) {
        return dispatch(caller, id, "toDepotId", toDepotId, sourceDocument, overrideReason, key, (tx, r, from) -> {
            // an approved batch's route was authorised by allocation: any existing depot, as the platform sees it
            Caller targeting = approvedRoute ? Caller.system(caller.requestId()) : caller;
            CoreLookups.requireActive(ledger.core.targetDepotField(tx.c, targeting, from, toDepotId, "toDepotId"),
                    "toDepotId");
            if (toDepotId == r.depotId()) {
                throw new ValidationException("toDepotId", "toDepotId must differ from the reservation's depot");
            }
            return Destination.depot(toDepotId);
        });
    }

    /** Dispatches a held reservation to an org unit without a depot, on a route an approved batch authorised. */
    Transfer dispatchToUnit(Caller caller, long id, long toOrgUnitId, String sourceDocument, String key) {
        return dispatch(caller, id, "toOrgUnitId", toOrgUnitId, sourceDocument, null, key, (tx, r, from) -> {
            ledger.core.targetUnitField(tx.c, toOrgUnitId, "toOrgUnitId");
            return Destination.unit(toOrgUnitId);
        });
    }

    /** Checks the destination of a dispatch inside its transaction and says where the goods go. */
    @FunctionalInterface
    private interface DestinationCheck {
        Destination check(Tx tx, Reservation r, DepotRef from) throws SQLException;
    }

    private Transfer dispatch(Caller caller, long id, String field, long destination, String sourceDocument,
            String overrideReason, String key, DestinationCheck check) {
        Scope.requireStockWriter(caller);
        String source = optionalText("sourceDocument", sourceDocument, 128);
        Map<String, Object> request = new HashMap<>();
        request.put(field, destination);
        request.put("sourceDocument", source);
        if (overrideReason != null) {
            request.put("overrideReason", overrideReason);
        }
        Ref ref = ledger.write(caller, key, "inventory.dispatch:" + id, request, tx -> {
            Reservation r = visible(tx.c, caller, id);
            DepotRef from = ledger.core.depot(tx.c, r.depotId());
            Scope.requireWrite(caller, from);
            ledger.owners.requireKeptHere(from, null);
            Destination to = check.check(tx, r, from);
            Designations.Gate gate = designations.gate(tx, to, overrideReason, field);
            close(tx, r, Reservation.Status.DISPATCHED);
            List<Pick> shipped = ship(tx, r, gate);
            long transferId = transfers.create(tx, r.depotId(), to, r.itemId(), shipped, source,
                    "reservation " + id + " for " + r.holder(), id);
            designations.recordOverrides(tx, gate, shipped, "dispatch", Transfers.postingOf(tx, transferId),
                    transferId, to);
            ledger.audit.record(tx.c, caller, "reservation", Long.toString(id), "DISPATCH", r,
                    Transfers.load(tx.c, transferId));
            return new Ref("transfer", Long.toString(transferId));
        });
        return ledger.read(c -> Transfers.load(c, Long.parseLong(ref.id())));
    }

    /**
     * Takes the held lots off: every lot is read first (a lot since quarantined, recalled or expired is a 409),
     * then updated in lot-id order (the lines' order), so no read waits behind our own locks.
     */
    private List<Pick> ship(Tx tx, Reservation r, Designations.Gate gate) throws SQLException {
        for (Reservation.Line l : r.lines()) {
            Lot lot = ledger.lots.lot(tx.c, l.lotId());
            Lots.requireIssuable(lot);
            gate.pass(lot.id(), lot.origin(), lot.designation(), gate.field);
        }
        List<Pick> picks = new ArrayList<>();
        for (Reservation.Line l : r.lines()) {
            ledger.balances.ship(tx, l.lotId(), l.quantity());
            picks.add(new Pick(l.lotId(), l.quantity()));
        }
        return picks;
    }
}
