package org.tongpao.inventory.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.CountResult;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Threshold;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.internal.Ledger.Pick;
import org.tongpao.inventory.internal.Scope.DepotRef;

/** The stock writes: receipts, issues, transfers, reservations, adjustments, write-offs, counts, thresholds. */
final class Stock {
    private final Ledger ledger;

    Stock(Ledger ledger) {
        this.ledger = ledger;
    }

    private static void positive(Long q, String field) {
        if (q == null || q <= 0) {
            throw new ValidationException(field, field + " must be a positive whole number");
        }
    }

    private static void required(Object v, String field) {
        if (v == null) {
            throw new ValidationException(field, field + " is required");
        }
    }

    private static String text(String s, int max, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw new ValidationException(field, field + " must be at most " + max + " characters");
        }
        return s.strip();
    }

    // ---------------------------------------------------------------- receipts

    Lot receive(Caller caller, NewReceipt r, String key) {
        Scope.requireStockWriter(caller);
        required(r, "body");
        required(r.depotId(), "depotId");
        required(r.itemId(), "itemId");
        positive(r.quantity(), "quantity");
        required(r.origin(), "origin");
        String source = text(r.sourceDocument(), 128, "sourceDocument");
        required(source, "sourceDocument");
        String note = text(r.note(), 500, "note");
        return ledger.write(caller, key, "inventory.receipt", r, tx -> {
            DepotRef depot = ledger.stockDepotField(tx.c, caller, r.depotId(), "depotId");
            Scope.requireWrite(caller, depot);
            Ledger.requireActive(depot, "depotId");
            Ledger.ItemRef item = ledger.item(tx.c, r.itemId(), "itemId");
            if (item.shelfLifeMonths() != null && r.expiryDate() == null) {
                throw new ValidationException("expiryDate", "item " + item.code() + " has a shelf life: expiryDate is required");
            }
            if (r.expiryDate() != null && r.expiryDate().isBefore(tx.today)) {
                throw new ValidationException("expiryDate", "expiryDate " + r.expiryDate() + " has already passed");
            }
            long lotId = ledger.createLot(tx, item.id(), depot.id(), r.origin(), source, r.expiryDate(), null,
                    r.quantity());
            long postingId = ledger.posting(tx, "receipt", depot.id());
            ledger.put(tx, lotId, r.quantity());
            ledger.move(tx, postingId, MovementType.RECEIPT, depot.id(), item.id(), lotId, r.quantity(), null, null,
                    null, source, note);
            Lot lot = ledger.lot(tx.c, lotId);
            ledger.audit.record(tx.c, caller, "lot", Long.toString(lotId), "RECEIVE", null, lot);
            ledger.movementEvent(tx, postingId, "receipt", depot.id());
            tx.result = lot;
            return new Ref("lot", Long.toString(lotId));
        }, Lot.class, (c, ref) -> ledger.lot(c, Long.parseLong(ref.id())));
    }

    // ---------------------------------------------------------------- issues

    Posting issue(Caller caller, NewIssue r, String key) {
        Scope.requireStockWriter(caller);
        required(r, "body");
        required(r.depotId(), "depotId");
        required(r.itemId(), "itemId");
        positive(r.quantity(), "quantity");
        required(r.orgUnitId(), "orgUnitId");
        String source = text(r.sourceDocument(), 128, "sourceDocument");
        String note = text(r.note(), 500, "note");
        return ledger.write(caller, key, "inventory.issue", r, tx -> {
            DepotRef depot = ledger.stockDepotField(tx.c, caller, r.depotId(), "depotId");
            Scope.requireWrite(caller, depot);
            Ledger.requireActive(depot, "depotId");
            ledger.requireOrgUnit(tx.c, caller, depot, r.orgUnitId(), "orgUnitId");
            List<Pick> picks = ledger.pick(tx, depot.id(), r.itemId(), "itemId", r.quantity(), r.lotId(), "lotId",
                    false);
            long postingId = ledger.posting(tx, "issue", depot.id());
            for (Pick p : picks) {
                ledger.move(tx, postingId, MovementType.ISSUE, depot.id(), r.itemId(), p.lotId(), -p.quantity(), null,
                        r.orgUnitId(), null, source, note);
            }
            ledger.audit.record(tx.c, caller, "posting", Long.toString(postingId), "ISSUE", null, r);
            ledger.movementEvent(tx, postingId, "issue", depot.id());
            tx.result = ledger.builtPosting(tx, postingId, "issue", depot.id());
            return new Ref("posting", Long.toString(postingId));
        }, Posting.class, this::posting);
    }

    private Posting posting(java.sql.Connection c, Ref ref) throws SQLException {
        return ledger.loadPosting(c, Long.parseLong(ref.id()));
    }

    // ---------------------------------------------------------------- transfers

    Transfer transferOut(Caller caller, NewTransfer r, String key) {
        Scope.requireStockWriter(caller);
        required(r, "body");
        required(r.fromDepotId(), "fromDepotId");
        required(r.toDepotId(), "toDepotId");
        required(r.itemId(), "itemId");
        positive(r.quantity(), "quantity");
        if (r.fromDepotId().equals(r.toDepotId())) {
            throw new ValidationException("toDepotId", "toDepotId must differ from fromDepotId");
        }
        String source = text(r.sourceDocument(), 128, "sourceDocument");
        String note = text(r.note(), 500, "note");
        return ledger.write(caller, key, "inventory.transfer", r, tx -> {
            DepotRef from = ledger.stockDepotField(tx.c, caller, r.fromDepotId(), "fromDepotId");
            Scope.requireWrite(caller, from);
            DepotRef to = ledger.targetDepotField(tx.c, caller, from, r.toDepotId(), "toDepotId");
            Ledger.requireActive(from, "fromDepotId");
            Ledger.requireActive(to, "toDepotId");
            List<Pick> picks = ledger.pick(tx, from.id(), r.itemId(), "itemId", r.quantity(), r.lotId(), "lotId",
                    false);
            long transferId = ledger.createTransfer(tx, from.id(), r.toDepotId(), r.itemId(), picks, source, note, null);
            Transfer sent = ledger.loadTransfer(tx.c, transferId);
            ledger.audit.record(tx.c, caller, "transfer", Long.toString(transferId), "DISPATCH", null, sent);
            tx.result = sent;
            return new Ref("transfer", Long.toString(transferId));
        }, Transfer.class, (c, ref) -> ledger.loadTransfer(c, Long.parseLong(ref.id())));
    }

    /** Scope of a transfer: visible from either side; received only by the destination's scope. */
    private Transfer visibleTransfer(java.sql.Connection c, Caller caller, long id) throws SQLException {
        Transfer t = ledger.loadTransfer(c, id);
        if (t == null) {
            throw Ledger.notFound("transfer", id);
        }
        DepotRef from = ledger.depot(c, t.fromDepotId());
        DepotRef to = ledger.depot(c, t.toDepotId());
        if (!Scope.canRead(caller, from) && !Scope.canRead(caller, to)) {
            throw Ledger.notFound("transfer", id);
        }
        return t;
    }

    Transfer transfer(Caller caller, long id) {
        return ledger.read(c -> visibleTransfer(c, caller, id));
    }

    Transfer receiveTransfer(Caller caller, long transferId, long received, long damaged, String note, String key) {
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
        String cleanNote = text(note, 500, "note");
        Map<String, Object> request = new HashMap<>();
        request.put("receivedQuantity", received);
        request.put("damagedQuantity", damaged);
        request.put("note", cleanNote);
        ledger.write(caller, key, "inventory.transfer-receipt:" + transferId, request, tx -> {
            Transfer t = visibleTransfer(tx.c, caller, transferId);
            DepotRef to = ledger.depot(tx.c, t.toDepotId());
            Scope.requireWrite(caller, to);
            if (!to.active()) {
                // deactivation is refused while goods are in transit to a depot; this is older data
                throw new ConflictException("Transfer " + transferId + " goes to depot " + to.code()
                        + ", which is inactive; reactivate it to receive the goods");
            }
            if (received > t.quantity()) {
                throw new ValidationException("receivedQuantity", "receivedQuantity cannot exceed the "
                        + t.quantity() + " sent");
            }
            // the status flip is the guard against a second receipt racing this one
            if (Rows.update(tx.c, "UPDATE tp_inv_transfer SET transfer_status = ?, received_quantity = ?, "
                    + "damaged_quantity = ?, received_at = ? WHERE id = ? AND transfer_status = ?",
                    List.of(Transfer.Status.RECEIVED, received, damaged, tx.now, transferId,
                            Transfer.Status.IN_TRANSIT)) != 1) {
                throw new ConflictException("Transfer " + transferId + " has already been received");
            }
            // the source lots' expiry comes from the lot table alone: their balance rows may be locked by others
            List<Object[]> lines = Rows.list(tx.c, "SELECT tl.lot_id, tl.quantity, l.expiry_date "
                    + "FROM tp_inv_transfer_line tl JOIN tp_inv_lot l ON l.id = tl.lot_id "
                    + "WHERE tl.transfer_id = ? ORDER BY CASE WHEN l.expiry_date IS NULL THEN 1 ELSE 0 END, "
                    + "l.expiry_date, tl.lot_id", List.of(transferId),
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2), Rows.date(rs, "expiry_date")});
            long postingId = ledger.posting(tx, "transfer-in", to.id());
            String source = t.sourceDocument() != null ? t.sourceDocument() : "transfer:" + transferId;
            List<long[]> newLots = new ArrayList<>();
            for (Object[] line : lines) {
                long parentId = (Long) line[0];
                long qty = (Long) line[1];
                // goods in transit are booked in whole, so the transit account clears; loss and damage go out below
                long lotId = ledger.createLot(tx, t.itemId(), to.id(), org.tongpao.inventory.LotOrigin.TRANSFER,
                        source, (java.time.LocalDate) line[2], parentId, qty);
                ledger.put(tx, lotId, qty);
                ledger.move(tx, postingId, MovementType.TRANSFER_IN, to.id(), t.itemId(), lotId, qty, null, null,
                        transferId, source, cleanNote);
                newLots.add(new long[] {lotId, qty});
            }
            long shortfall = t.quantity() - received;
            // the shortfall comes off the last-expiring lots, the damage off the first
            for (int i = newLots.size() - 1; i >= 0 && shortfall > 0; i--) {
                long q = Math.min(shortfall, newLots.get(i)[1]);
                takeOrFail(tx, newLots.get(i)[0], q);
                newLots.get(i)[1] -= q;
                shortfall -= q;
                ledger.move(tx, postingId, MovementType.ADJUSTMENT, to.id(), t.itemId(), newLots.get(i)[0], -q,
                        AdjustmentReason.LOSS.name(), null, transferId, source, cleanNote);
            }
            long damage = damaged;
            for (int i = 0; i < newLots.size() && damage > 0; i++) {
                long q = Math.min(damage, newLots.get(i)[1]);
                if (q == 0) {
                    continue;
                }
                takeOrFail(tx, newLots.get(i)[0], q);
                newLots.get(i)[1] -= q;
                damage -= q;
                ledger.move(tx, postingId, MovementType.WRITE_OFF, to.id(), t.itemId(), newLots.get(i)[0], -q,
                        org.tongpao.inventory.WriteOffReason.DAMAGED.name(), null, transferId, source, cleanNote);
            }
            if (t.quantity() != received || damaged > 0) {
                tx.lowered(to.id(), t.itemId());
            }
            ledger.audit.record(tx.c, caller, "transfer", Long.toString(transferId), "RECEIVE", t,
                    ledger.loadTransfer(tx.c, transferId));
            ledger.movementEvent(tx, postingId, "transfer-in", to.id());
            return new Ref("transfer", Long.toString(transferId));
        });
        return ledger.read(c -> ledger.loadTransfer(c, transferId));
    }

    private void takeOrFail(Tx tx, long lotId, long q) throws SQLException {
        if (!ledger.take(tx, lotId, q)) {
            throw new ConflictException("Lot " + lotId + " does not have " + q + " free");
        }
    }

    // ---------------------------------------------------------------- reservations

    long available(Caller caller, long depotId, long itemId) {
        return ledger.read(c -> {
            DepotRef d = ledger.depot(c, depotId);
            if (d == null || !Scope.canRead(caller, d)) {
                throw Ledger.notFound("depot", depotId);
            }
            return ledger.available(c, depotId, itemId, ledger.today());
        });
    }

    static final int MAX_BULK = 10_000;
    private static final int CHUNK = 500;

    /** Available stock for many depots × items in one read per 500 × 500 ids; see InventoryService. */
    Map<Long, Map<Long, Long>> available(Caller caller, java.util.Collection<Long> depotIds,
            java.util.Collection<Long> itemIds) {
        List<Long> depots = ids(depotIds, "depotIds");
        List<Long> items = ids(itemIds, "itemIds");
        Map<Long, Map<Long, Long>> out = new HashMap<>();
        if (depots.isEmpty() || items.isEmpty()) {
            return out;
        }
        java.time.LocalDate today = ledger.today();
        ledger.read(c -> {
            for (int d = 0; d < depots.size(); d += CHUNK) {
                List<Long> dc = depots.subList(d, Math.min(depots.size(), d + CHUNK));
                for (int i = 0; i < items.size(); i += CHUNK) {
                    List<Long> ic = items.subList(i, Math.min(items.size(), i + CHUNK));
                    List<Object> args = new ArrayList<>(ic);
                    args.addAll(dc);
                    args.add(today);
                    Rows.list(c, "SELECT b.item_id, b.depot_id, d.code, d.province_code, SUM(b.on_hand - b.reserved) "
                            + "FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id JOIN tp_depot d ON d.id = b.depot_id "
                            + "WHERE d.active = TRUE AND b.item_id IN (" + marks(ic.size()) + ") AND b.depot_id IN ("
                            + marks(dc.size()) + ") AND " + Ledger.issuable("l", "?")
                            + " GROUP BY b.item_id, b.depot_id, d.code, d.province_code "
                            + "HAVING SUM(b.on_hand - b.reserved) > 0", args, rs -> {
                                DepotRef depot = new DepotRef(rs.getLong(2), rs.getString(3), rs.getString(4), true);
                                if (Scope.canRead(caller, depot)) {
                                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(depot.id(),
                                            rs.getLong(5));
                                }
                                return null;
                            });
                }
            }
            return null;
        });
        return out;
    }

    private static List<Long> ids(java.util.Collection<Long> ids, String field) {
        if (ids == null) {
            return List.of();
        }
        List<Long> out = ids.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (out.size() > MAX_BULK) {
            throw new ValidationException(field, "at most " + MAX_BULK + " " + field + " per call, not " + out.size());
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    Reservation reserve(Caller caller, long depotId, long itemId, long quantity, String holder, String key) {
        Scope.requireStockWriter(caller);
        positive(quantity, "quantity");
        String cleanHolder = text(holder, 128, "holder");
        required(cleanHolder, "holder");
        Map<String, Object> request = Map.of("depotId", depotId, "itemId", itemId, "quantity", quantity,
                "holder", cleanHolder);
        Ref ref = ledger.write(caller, key, "inventory.reserve", request, tx -> {
            DepotRef depot = ledger.stockDepotField(tx.c, caller, depotId, "depotId");
            Scope.requireWrite(caller, depot);
            Ledger.requireActive(depot, "depotId");
            List<Pick> picks = ledger.pick(tx, depotId, itemId, "itemId", quantity, null, "lotId", true);
            long id = Rows.insert(tx.c, "INSERT INTO tp_inv_reservation (depot_id, item_id, quantity, holder, "
                    + "reservation_status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    List.of(depotId, itemId, quantity, cleanHolder, Reservation.Status.HELD, caller.user(), tx.now));
            for (Pick p : picks) {
                Rows.update(tx.c, "INSERT INTO tp_inv_reservation_line (reservation_id, lot_id, quantity) "
                        + "VALUES (?, ?, ?)", List.of(id, p.lotId(), p.quantity()));
            }
            ledger.audit.record(tx.c, caller, "reservation", Long.toString(id), "RESERVE", null,
                    ledger.loadReservation(tx.c, id));
            return new Ref("reservation", Long.toString(id));
        });
        return ledger.read(c -> ledger.loadReservation(c, Long.parseLong(ref.id())));
    }

    private Reservation visibleReservation(java.sql.Connection c, Caller caller, long id) throws SQLException {
        Reservation r = ledger.loadReservation(c, id);
        if (r == null || !Scope.canRead(caller, ledger.depot(c, r.depotId()))) {
            throw Ledger.notFound("reservation", id);
        }
        return r;
    }

    Reservation reservation(Caller caller, long id) {
        return ledger.read(c -> visibleReservation(c, caller, id));
    }

    Reservation release(Caller caller, long id, String key) {
        Scope.requireStockWriter(caller);
        ledger.write(caller, key, "inventory.release:" + id, Map.of("reservationId", id), tx -> {
            Reservation r = visibleReservation(tx.c, caller, id);
            Scope.requireWrite(caller, ledger.depot(tx.c, r.depotId()));
            if (r.status() == Reservation.Status.RELEASED) {
                return new Ref("reservation", Long.toString(id));
            }
            close(tx, r, Reservation.Status.RELEASED);
            for (Reservation.Line l : r.lines()) {
                ledger.unhold(tx, l.lotId(), l.quantity());
            }
            ledger.audit.record(tx.c, caller, "reservation", Long.toString(id), "RELEASE", r,
                    ledger.loadReservation(tx.c, id));
            return new Ref("reservation", Long.toString(id));
        });
        return ledger.read(c -> ledger.loadReservation(c, id));
    }

    /** HELD → {@code status}; the guarded update makes a concurrent second close fail. */
    private void close(Tx tx, Reservation r, Reservation.Status status) throws SQLException {
        if (Rows.update(tx.c, "UPDATE tp_inv_reservation SET reservation_status = ?, closed_at = ? "
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
        Scope.requireStockWriter(caller);
        String source = text(sourceDocument, 128, "sourceDocument");
        Map<String, Object> request = new HashMap<>();
        request.put("toDepotId", toDepotId);
        request.put("sourceDocument", source);
        Ref ref = ledger.write(caller, key, "inventory.dispatch:" + id, request, tx -> {
            Reservation r = visibleReservation(tx.c, caller, id);
            DepotRef from = ledger.depot(tx.c, r.depotId());
            Scope.requireWrite(caller, from);
            // an approved batch's route was authorised by allocation: any existing depot, as the platform sees it
            Caller targeting = approvedRoute ? Caller.system(caller.requestId()) : caller;
            Ledger.requireActive(ledger.targetDepotField(tx.c, targeting, from, toDepotId, "toDepotId"), "toDepotId");
            if (toDepotId == r.depotId()) {
                throw new ValidationException("toDepotId", "toDepotId must differ from the reservation's depot");
            }
            close(tx, r, Reservation.Status.DISPATCHED);
            // read every lot first, then update in lot-id order (the lines' order): no read waits behind our locks
            for (Reservation.Line l : r.lines()) {
                ledger.requireIssuable(ledger.lot(tx.c, l.lotId()));
            }
            List<Pick> picks = new ArrayList<>();
            for (Reservation.Line l : r.lines()) {
                ledger.ship(tx, l.lotId(), l.quantity());
                picks.add(new Pick(l.lotId(), l.quantity()));
            }
            long transferId = ledger.createTransfer(tx, r.depotId(), toDepotId, r.itemId(), picks, source,
                    "reservation " + id + " for " + r.holder(), id);
            ledger.audit.record(tx.c, caller, "reservation", Long.toString(id), "DISPATCH", r,
                    ledger.loadTransfer(tx.c, transferId));
            return new Ref("transfer", Long.toString(transferId));
        });
        return ledger.read(c -> ledger.loadTransfer(c, Long.parseLong(ref.id())));
    }

    // ---------------------------------------------------------------- adjustments, write-offs, lot status

    /** A lot named in the body: unknown or invisible is the same 404 (never a 403 naming its depot). */
    private Lot writableLot(Tx tx, Long lotId) throws SQLException {
        Lot lot = ledger.visibleLot(tx, lotId, "lotId");
        Scope.requireWrite(tx.caller, ledger.depot(tx.c, lot.depotId()));
        return lot;
    }

    Posting adjust(Caller caller, NewAdjustment r, String key) {
        Scope.requireStockWriter(caller);
        required(r, "body");
        required(r.lotId(), "lotId");
        required(r.quantity(), "quantity");
        required(r.reason(), "reason");
        long q = r.quantity();
        if (q == 0) {
            throw new ValidationException("quantity", "quantity must not be zero");
        }
        if ((r.reason() == AdjustmentReason.DAMAGE || r.reason() == AdjustmentReason.LOSS) && q > 0) {
            throw new ValidationException("quantity", r.reason() + " adjustments take stock off: quantity must be negative");
        }
        if (r.reason() == AdjustmentReason.FOUND && q < 0) {
            throw new ValidationException("quantity", "FOUND adjustments add stock: quantity must be positive");
        }
        String source = text(r.sourceDocument(), 128, "sourceDocument");
        String note = text(r.note(), 500, "note");
        return ledger.write(caller, key, "inventory.adjustment", r, tx -> {
            Lot lot = writableLot(tx, r.lotId());
            long postingId = ledger.posting(tx, "adjustment", lot.depotId());
            applySigned(tx, lot, q);
            ledger.move(tx, postingId, MovementType.ADJUSTMENT, lot.depotId(), lot.itemId(), lot.id(), q,
                    r.reason().name(), null, null, source, note);
            ledger.audit.record(tx.c, caller, "posting", Long.toString(postingId), "ADJUST", null, r);
            ledger.movementEvent(tx, postingId, "adjustment", lot.depotId());
            tx.result = ledger.builtPosting(tx, postingId, "adjustment", lot.depotId());
            return new Ref("posting", Long.toString(postingId));
        }, Posting.class, this::posting);
    }

    private void applySigned(Tx tx, Lot lot, long q) throws SQLException {
        if (q > 0) {
            ledger.put(tx, lot.id(), q);
        } else {
            if (!ledger.take(tx, lot.id(), -q)) {
                throw new ConflictException("Lot " + lot.id() + " has only " + ledger.free(tx, lot.id())
                        + " unreserved on hand; cannot take " + (-q));
            }
            tx.lowered(lot.depotId(), lot.itemId());
        }
    }

    Posting writeOff(Caller caller, NewWriteOff r, String key) {
        Scope.requireStockWriter(caller);
        required(r, "body");
        required(r.lotId(), "lotId");
        positive(r.quantity(), "quantity");
        required(r.reason(), "reason");
        String source = text(r.sourceDocument(), 128, "sourceDocument");
        String note = text(r.note(), 500, "note");
        return ledger.write(caller, key, "inventory.write-off", r, tx -> {
            Lot lot = writableLot(tx, r.lotId());
            long postingId = ledger.posting(tx, "write-off", lot.depotId());
            applySigned(tx, lot, -r.quantity());
            ledger.move(tx, postingId, MovementType.WRITE_OFF, lot.depotId(), lot.itemId(), lot.id(), -r.quantity(),
                    r.reason().name(), null, null, source, note);
            ledger.audit.record(tx.c, caller, "posting", Long.toString(postingId), "WRITE_OFF", null, r);
            ledger.movementEvent(tx, postingId, "write-off", lot.depotId());
            tx.result = ledger.builtPosting(tx, postingId, "write-off", lot.depotId());
            return new Ref("posting", Long.toString(postingId));
        }, Posting.class, this::posting);
    }

    Lot lot(Caller caller, long id) {
        return ledger.read(c -> {
            Lot lot = ledger.lot(c, id);
            if (lot == null) {
                throw Ledger.notFound("lot", id);
            }
            Scope.requireRead(caller, ledger.depot(c, lot.depotId()), "lot", id);
            return lot;
        });
    }

    Lot changeLotStatus(Caller caller, long id, LotStatusChange change, String key) {
        Scope.requireStockWriter(caller);
        required(change, "body");
        required(change.status(), "status");
        String reason = text(change.reason(), 500, "reason");
        required(reason, "reason");
        ledger.write(caller, key, "inventory.lot-status:" + id, change, tx -> {
            Lot lot = ledger.lot(tx.c, id);
            if (lot == null) {
                throw Ledger.notFound("lot", id);
            }
            DepotRef depot = ledger.depot(tx.c, lot.depotId());
            Scope.requireRead(caller, depot, "lot", id);
            Scope.requireWrite(caller, depot);
            if (lot.status() == change.status()) {
                return new Ref("lot", Long.toString(id));
            }
            Rows.update(tx.c, "UPDATE tp_inv_lot SET lot_status = ? WHERE id = ?", List.of(change.status(), id));
            Map<String, Object> after = new HashMap<>();
            after.put("lot", ledger.lot(tx.c, id));
            after.put("reason", reason);
            ledger.audit.record(tx.c, caller, "lot", Long.toString(id), "STATUS_" + change.status(), lot, after);
            if (change.status() != LotStatus.AVAILABLE) {
                tx.lowered(lot.depotId(), lot.itemId());
            }
            Map<String, Object> p = new HashMap<>();
            p.put("lotId", id);
            p.put("depotId", lot.depotId());
            p.put("itemId", lot.itemId());
            p.put("status", change.status().name());
            p.put("previous", lot.status().name());
            ledger.event(tx, InventoryTopics.LOT_STATUS, p);
            return new Ref("lot", Long.toString(id));
        });
        return ledger.read(c -> ledger.lot(c, id));
    }

    // ---------------------------------------------------------------- counts

    CountResult count(Caller caller, NewCount r, String key) {
        Scope.requireStockWriter(caller);
        required(r, "body");
        required(r.depotId(), "depotId");
        if (r.lines() == null || r.lines().isEmpty()) {
            throw new ValidationException("lines", "lines must not be empty");
        }
        for (int i = 0; i < r.lines().size(); i++) {
            NewCount.Line l = r.lines().get(i);
            required(l, "lines[" + i + "]");
            required(l.itemId(), "lines[" + i + "].itemId");
            if (l.counted() == null || l.counted() < 0) {
                throw new ValidationException("lines[" + i + "].counted", "counted must be zero or more");
            }
        }
        String note = text(r.note(), 500, "note");
        Ref ref = ledger.write(caller, key, "inventory.count", r, tx -> {
            DepotRef depot = ledger.depotField(tx.c, caller, r.depotId(), "depotId");
            Scope.requireWrite(caller, depot);
            long postingId = ledger.posting(tx, "count", depot.id());
            long countId = Rows.insert(tx.c, "INSERT INTO tp_inv_count (depot_id, posting_id, actor, note, counted_at) "
                    + "VALUES (?, ?, ?, ?, ?)", java.util.Arrays.asList(depot.id(), postingId, caller.user(), note, tx.now));
            for (int i = 0; i < r.lines().size(); i++) {
                NewCount.Line l = r.lines().get(i);
                String f = "lines[" + i + "]";
                ledger.item(tx.c, l.itemId(), f + ".itemId");
                long expected;
                if (l.lotId() != null) {
                    Lot lot = ledger.namedLot(tx, l.lotId(), depot.id(), l.itemId(), f + ".lotId");
                    expected = lot.onHand();
                    long diff = l.counted() - expected;
                    if (diff != 0) {
                        applySigned(tx, lot, diff);
                        ledger.move(tx, postingId, MovementType.ADJUSTMENT, depot.id(), l.itemId(), lot.id(), diff,
                                AdjustmentReason.COUNT.name(), null, null, "count:" + countId, note);
                    }
                } else {
                    expected = Rows.number(tx.c, "SELECT COALESCE(SUM(on_hand), 0) FROM tp_inv_balance "
                            + "WHERE depot_id = ? AND item_id = ?", List.of(depot.id(), l.itemId()));
                    countWholeItem(tx, postingId, countId, depot.id(), l.itemId(), l.counted() - expected, f, note);
                }
                Rows.update(tx.c, "INSERT INTO tp_inv_count_line (count_id, line_no, item_id, lot_id, expected, counted) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(countId, i + 1, l.itemId(), l.lotId(),
                                expected, l.counted()));
            }
            ledger.audit.record(tx.c, caller, "count", Long.toString(countId), "COUNT", null, r);
            ledger.movementEvent(tx, postingId, "count", depot.id());
            return new Ref("count", Long.toString(countId));
        });
        return ledger.read(c -> loadCount(c, Long.parseLong(ref.id())));
    }

    /** An item counted across its lots: shortage first-expiry-first-out, surplus to the newest lot. */
    private void countWholeItem(Tx tx, long postingId, long countId, long depotId, long itemId, long diff, String f,
            String note) throws SQLException {
        if (diff == 0) {
            return;
        }
        String doc = "count:" + countId;
        if (diff > 0) {
            Long lotId = Rows.one(tx.c, "SELECT MAX(lot_id) FROM tp_inv_balance WHERE depot_id = ? AND item_id = ?",
                    List.of(depotId, itemId), rs -> {
                        long v = rs.getLong(1);
                        return rs.wasNull() ? null : v;
                    });
            if (lotId == null) {
                throw new ValidationException(f + ".lotId", "the depot holds no lot of this item; book a receipt instead");
            }
            ledger.put(tx, lotId, diff);
            ledger.move(tx, postingId, MovementType.ADJUSTMENT, depotId, itemId, lotId, diff,
                    AdjustmentReason.COUNT.name(), null, null, doc, note);
            return;
        }
        long remaining = -diff;
        List<long[]> lots = Rows.list(tx.c, "SELECT b.lot_id, b.on_hand - b.reserved FROM tp_inv_balance b "
                + "JOIN tp_inv_lot l ON l.id = b.lot_id WHERE b.depot_id = ? AND b.item_id = ? "
                + "AND b.on_hand - b.reserved > 0 "
                + "ORDER BY CASE WHEN l.expiry_date IS NULL THEN 1 ELSE 0 END, l.expiry_date, b.lot_id",
                List.of(depotId, itemId), rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        List<Pick> plan = new ArrayList<>();
        for (long[] lot : lots) {
            if (remaining == 0) {
                break;
            }
            long q = Math.min(remaining, lot[1]);
            plan.add(new Pick(lot[0], q));
            remaining -= q;
        }
        if (remaining > 0) {
            throw new ConflictException("The count of item " + itemId + " is below the reserved quantity; "
                    + "release reservations first");
        }
        List<Pick> lockOrder = new ArrayList<>(plan);
        lockOrder.sort(java.util.Comparator.comparingLong(Pick::lotId));
        for (Pick p : lockOrder) {
            if (!ledger.take(tx, p.lotId(), p.quantity())) {
                throw new Ledger.StalePlan();
            }
        }
        for (Pick p : plan) {
            ledger.move(tx, postingId, MovementType.ADJUSTMENT, depotId, itemId, p.lotId(), -p.quantity(),
                    AdjustmentReason.COUNT.name(), null, null, doc, note);
        }
        tx.lowered(depotId, itemId);
    }

    private CountResult loadCount(java.sql.Connection c, long id) throws SQLException {
        List<CountResult.Line> lines = Rows.list(c, "SELECT item_id, lot_id, expected, counted FROM tp_inv_count_line "
                + "WHERE count_id = ? ORDER BY line_no", List.of(id), rs -> new CountResult.Line(rs.getLong(1),
                        org.tongpao.core.persistence.Sql.getLong(rs, "lot_id"), rs.getLong(3), rs.getLong(4),
                        rs.getLong(4) - rs.getLong(3)));
        return Rows.one(c, "SELECT id, depot_id, posting_id, actor, counted_at FROM tp_inv_count WHERE id = ?",
                List.of(id), rs -> new CountResult(rs.getLong("id"), rs.getLong("depot_id"), rs.getString("actor"),
                        org.tongpao.core.persistence.Sql.getInstant(rs, "counted_at"), lines,
                        ledger.loadPosting(c, rs.getLong("posting_id")).movements()));
    }

    // ---------------------------------------------------------------- thresholds

    Threshold setThreshold(Caller caller, Threshold t, String key) {
        Scope.requireStockWriter(caller);
        required(t, "body");
        required(t.depotId(), "depotId");
        required(t.itemId(), "itemId");
        if (t.minimumLevel() == null || t.minimumLevel() < 0) {
            throw new ValidationException("minimumLevel", "minimumLevel must be zero or more");
        }
        if (t.reorderLevel() == null || t.reorderLevel() < t.minimumLevel()) {
            throw new ValidationException("reorderLevel", "reorderLevel must be at least minimumLevel");
        }
        try {
            writeThreshold(caller, t, key);
        } finally {
            // after the commit (or rollback): low-stock checks from now on see this threshold
            ledger.thresholdsChanged();
        }
        return t;
    }

    private void writeThreshold(Caller caller, Threshold t, String key) {
        ledger.write(caller, key, "inventory.threshold", t, tx -> {
            Scope.requireWrite(caller, ledger.depotField(tx.c, caller, t.depotId(), "depotId"));
            ledger.item(tx.c, t.itemId(), "itemId");
            Threshold before = Rows.one(tx.c, "SELECT depot_id, item_id, minimum_level, reorder_level "
                    + "FROM tp_inv_threshold WHERE depot_id = ? AND item_id = ?", List.of(t.depotId(), t.itemId()),
                    Stock::mapThreshold);
            if (before == null) {
                Rows.update(tx.c, "INSERT INTO tp_inv_threshold (depot_id, item_id, minimum_level, reorder_level, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?)", List.of(t.depotId(), t.itemId(), t.minimumLevel(),
                                t.reorderLevel(), tx.now));
            } else {
                Rows.update(tx.c, "UPDATE tp_inv_threshold SET minimum_level = ?, reorder_level = ?, updated_at = ? "
                        + "WHERE depot_id = ? AND item_id = ?", List.of(t.minimumLevel(), t.reorderLevel(), tx.now,
                                t.depotId(), t.itemId()));
            }
            ledger.audit.record(tx.c, caller, "threshold", t.depotId() + ":" + t.itemId(), "SET", before, t);
            return new Ref("threshold", t.depotId() + ":" + t.itemId());
        });
    }

    static Threshold mapThreshold(java.sql.ResultSet rs) throws SQLException {
        return new Threshold(rs.getLong("depot_id"), rs.getLong("item_id"), rs.getLong("minimum_level"),
                rs.getLong("reorder_level"));
    }
}
