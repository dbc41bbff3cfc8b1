package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.optionalText;
import static org.tongpao.core.Checks.required;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.CountResult;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.internal.Picker.Pick;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * Stock counts: a line with a lot adjusts that lot; a line without one counts the item across the depot's
 * lots (a shortage taken first-expiry-first-out, a surplus to the newest lot). COUNT adjustments, one posting.
 */
final class Counts {

    /** One count being booked: its posting, its id (the movements' source document) and its note. */
    private record Booking(Tx tx, long postingId, long countId, long depotId, String note) {
        String document() {
            return "count:" + countId;
        }
    }

    private final Ledger ledger;

    Counts(Ledger ledger) {
        this.ledger = ledger;
    }

    CountResult count(Caller caller, NewCount r, String key) {
        Scope.requireStockWriter(caller);
        validate(r);
        String note = optionalText("note", r.note(), 500);
        Ref ref = ledger.write(caller, key, "inventory.count", r, tx -> {
            DepotRef depot = ledger.core.depotField(tx.c, caller, r.depotId(), "depotId");
            Scope.requireWrite(caller, depot);
            ledger.owners.requireKeptHere(depot, "depotId");
            long postingId = ledger.postings.open(tx, "count", depot.id());
            long countId = Jdbc.insert(tx.c, "INSERT INTO tp_inv_count (depot_id, posting_id, actor, note, counted_at) "
                    + "VALUES (?, ?, ?, ?, ?)", Arrays.asList(depot.id(), postingId, caller.user(), note, tx.now));
            Booking booking = new Booking(tx, postingId, countId, depot.id(), note);
            for (int i = 0; i < r.lines().size(); i++) {
                line(booking, i, r.lines().get(i));
            }
            ledger.audit.record(tx.c, caller, "count", Long.toString(countId), "COUNT", null, r);
            ledger.events.movement(tx, postingId, "count", depot.id());
            return new Ref("count", Long.toString(countId));
        });
        return ledger.read(c -> load(c, Long.parseLong(ref.id())));
    }

    private static void validate(NewCount r) {
        required("body", r);
        required("depotId", r.depotId());
        if (r.lines() == null || r.lines().isEmpty()) {
            throw new ValidationException("lines", "lines must not be empty");
        }
        for (int i = 0; i < r.lines().size(); i++) {
            NewCount.Line l = r.lines().get(i);
            required("lines[" + i + "]", l);
            required("lines[" + i + "].itemId", l.itemId());
            if (l.counted() == null || l.counted() < 0) {
                throw new ValidationException("lines[" + i + "].counted", "counted must be zero or more");
            }
        }
    }

    /** Books one line's difference and records the line with what was expected. */
    private void line(Booking b, int i, NewCount.Line l) throws SQLException {
        Tx tx = b.tx();
        String f = "lines[" + i + "]";
        ledger.core.item(tx.c, l.itemId(), f + ".itemId");
        long expected;
        if (l.lotId() != null) {
            Lot lot = ledger.lots.named(tx, l.lotId(), b.depotId(), l.itemId(), f + ".lotId");
            expected = lot.onHand();
            long diff = l.counted() - expected;
            if (diff != 0) {
                ledger.balances.addSigned(tx, lot, diff);
                adjust(b, l.itemId(), lot.id(), diff);
            }
        } else {
            expected = Jdbc.count(tx.c, "SELECT COALESCE(SUM(on_hand), 0) FROM tp_inv_balance "
                    + "WHERE depot_id = ? AND item_id = ?", List.of(b.depotId(), l.itemId()));
            long diff = l.counted() - expected;
            if (diff > 0) {
                surplus(b, l.itemId(), diff, f);
            } else if (diff < 0) {
                shortage(b, l.itemId(), -diff);
            }
        }
        Jdbc.update(tx.c, "INSERT INTO tp_inv_count_line (count_id, line_no, item_id, lot_id, expected, counted) "
                + "VALUES (?, ?, ?, ?, ?, ?)", Arrays.asList(b.countId(), i + 1, l.itemId(), l.lotId(), expected,
                        l.counted()));
    }

    private void adjust(Booking b, long itemId, long lotId, long diff) throws SQLException {
        ledger.postings.move(b.tx(), b.postingId(), MovementType.ADJUSTMENT, b.depotId(), itemId, lotId, diff,
                AdjustmentReason.COUNT.name(), null, null, b.document(), b.note());
    }

    /** More counted than on hand across the item's lots: the surplus goes to the newest lot. */
    private void surplus(Booking b, long itemId, long diff, String f) throws SQLException {
        Long lotId = Jdbc.one(b.tx().c, "SELECT MAX(lot_id) FROM tp_inv_balance WHERE depot_id = ? AND item_id = ?",
                List.of(b.depotId(), itemId), rs -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                }).orElse(null);
        if (lotId == null) {
            throw new ValidationException(f + ".lotId", "the depot holds no lot of this item; book a receipt instead");
        }
        ledger.balances.put(b.tx(), lotId, diff);
        adjust(b, itemId, lotId, diff);
    }

    /** Less counted than on hand: taken off the free stock first-expiry-first-out, in lot-id lock order. */
    private void shortage(Booking b, long itemId, long missing) throws SQLException {
        Tx tx = b.tx();
        List<long[]> lots = Jdbc.query(tx.c, "SELECT b.lot_id, b.on_hand - b.reserved FROM tp_inv_balance b "
                + "JOIN tp_inv_lot l ON l.id = b.lot_id WHERE b.depot_id = ? AND b.item_id = ? "
                + "AND b.on_hand - b.reserved > 0 "
                + "ORDER BY CASE WHEN l.expiry_date IS NULL THEN 1 ELSE 0 END, l.expiry_date, b.lot_id",
                List.of(b.depotId(), itemId), rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        long remaining = missing;
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
        lockOrder.sort(Comparator.comparingLong(Pick::lotId));
        for (Pick p : lockOrder) {
            if (!ledger.balances.take(tx, p.lotId(), p.quantity())) {
                throw new Picker.StalePlan();
            }
        }
        for (Pick p : plan) {
            adjust(b, itemId, p.lotId(), -p.quantity());
        }
        tx.lowered(b.depotId(), itemId);
    }

    private CountResult load(Connection c, long id) throws SQLException {
        List<CountResult.Line> lines = Jdbc.query(c, "SELECT item_id, lot_id, expected, counted FROM tp_inv_count_line "
                + "WHERE count_id = ? ORDER BY line_no", List.of(id), rs -> new CountResult.Line(rs.getLong(1),
                        Sql.getLong(rs, "lot_id"), rs.getLong(3), rs.getLong(4), rs.getLong(4) - rs.getLong(3)));
        return Jdbc.one(c, "SELECT id, depot_id, posting_id, actor, counted_at FROM tp_inv_count WHERE id = ?",
                List.of(id), rs -> new CountResult(rs.getLong("id"), rs.getLong("depot_id"), rs.getString("actor"),
                        Sql.getInstant(rs, "counted_at"), lines,
                        ledger.postings.load(c, rs.getLong("posting_id")).movements())).orElse(null);
    }
}
