package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.Lot;

/**
 * Balance arithmetic on {@code tp_inv_balance} (one row per lot). A balance never goes negative: every
 * decrement is a guarded {@code UPDATE ... WHERE on_hand - reserved >= ?} whose row count is checked.
 */
final class Balances {

    /** Takes free (unreserved) stock off a lot; false when not enough is free. */
    boolean take(Tx tx, long lotId, long qty) throws SQLException {
        return changed(tx, lotId, -qty, 0, Jdbc.update(tx.c, "UPDATE tp_inv_balance SET on_hand = on_hand - ? "
                + "WHERE lot_id = ? AND on_hand - reserved >= ?", List.of(qty, lotId, qty)) == 1);
    }

    /** Every balance change goes through here, so the summaries see each one ({@link Summaries}). */
    private static boolean changed(Tx tx, long lotId, long onHand, long reserved, boolean done) {
        if (done) {
            tx.balanceChanged(lotId, onHand, reserved);
        }
        return done;
    }

    /** Takes free stock off a lot the write itself just booked; 409 when it is not there. */
    void takeOrFail(Tx tx, long lotId, long qty) throws SQLException {
        if (!take(tx, lotId, qty)) {
            throw new ConflictException("Lot " + lotId + " does not have " + qty + " free");
        }
    }

    void put(Tx tx, long lotId, long qty) throws SQLException {
        if (!changed(tx, lotId, qty, 0, Jdbc.update(tx.c, "UPDATE tp_inv_balance SET on_hand = on_hand + ? WHERE lot_id = ?",
                List.of(qty, lotId)) == 1)) {
            throw new IllegalStateException("Lot " + lotId + " has no balance row");
        }
    }

    /**
     * The balance rows of lots this write just created, holding what they received ({@link BulkReceipts}): one
     * batched INSERT per thousand instead of {@code create}'s zero row and {@link #put}, each recorded as a change
     * all the same. {@code rows}: {depot, item, quantity} per lot, in the order of {@code lotIds}.
     */
    void openAll(Tx tx, List<Long> lotIds, List<long[]> rows) throws SQLException {
        try (PreparedStatement ps = tx.c.prepareStatement("INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, "
                + "on_hand, reserved) VALUES (?, ?, ?, ?, 0)")) {
            for (int i = 0; i < lotIds.size(); i++) {
                long[] r = rows.get(i);
                ps.setLong(1, lotIds.get(i));
                ps.setLong(2, r[0]);
                ps.setLong(3, r[1]);
                ps.setLong(4, r[2]);
                ps.addBatch();
                if ((i + 1) % 1_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        for (int i = 0; i < lotIds.size(); i++) {
            changed(tx, lotIds.get(i), rows.get(i)[2], 0, true);
        }
    }

    /** Adds a signed quantity to a lot: a decrement takes free stock only (409 naming what is free). */
    void addSigned(Tx tx, Lot lot, long q) throws SQLException {
        if (q > 0) {
            put(tx, lot.id(), q);
        } else {
            if (!take(tx, lot.id(), -q)) {
                throw new ConflictException("Lot " + lot.id() + " has only " + free(tx, lot.id())
                        + " unreserved on hand; cannot take " + (-q));
            }
            tx.lowered(lot.depotId(), lot.itemId());
        }
    }

    boolean hold(Tx tx, long lotId, long qty) throws SQLException {
        return changed(tx, lotId, 0, qty, Jdbc.update(tx.c, "UPDATE tp_inv_balance SET reserved = reserved + ? "
                + "WHERE lot_id = ? AND on_hand - reserved >= ?", List.of(qty, lotId, qty)) == 1);
    }

    void unhold(Tx tx, long lotId, long qty) throws SQLException {
        if (!changed(tx, lotId, 0, -qty, Jdbc.update(tx.c,
                "UPDATE tp_inv_balance SET reserved = reserved - ? WHERE lot_id = ? AND reserved >= ?",
                List.of(qty, lotId, qty)) == 1)) {
            throw new ConflictException("Lot " + lotId + " no longer holds " + qty + " reserved");
        }
    }

    /** Ships held stock: on hand and reserved both go down. */
    void ship(Tx tx, long lotId, long qty) throws SQLException {
        if (!changed(tx, lotId, -qty, -qty, Jdbc.update(tx.c,
                "UPDATE tp_inv_balance SET on_hand = on_hand - ?, reserved = reserved - ? "
                + "WHERE lot_id = ? AND reserved >= ? AND on_hand >= ?", List.of(qty, qty, lotId, qty, qty)) == 1)) {
            throw new ConflictException("Lot " + lotId + " no longer holds " + qty + " reserved");
        }
    }

    long reserved(Tx tx, long lotId) throws SQLException {
        return Jdbc.count(tx.c, "SELECT reserved FROM tp_inv_balance WHERE lot_id = ?", List.of(lotId));
    }

    /**
     * Sets a replica lot's reserved quantity from {@code held} (what {@link #reserved} read) to what its origin node
     * holds reserved (1.11), never above its on hand: false when the replica holds less. Only the origin's link
     * writes a replica lot, one message at a time, so the read before the update races with no one.
     */
    boolean reserveAs(Tx tx, long lotId, long held, long reserved) throws SQLException {
        return held == reserved || changed(tx, lotId, 0, reserved - held, Jdbc.update(tx.c,
                "UPDATE tp_inv_balance SET reserved = ? WHERE lot_id = ? AND on_hand >= ?",
                List.of(reserved, lotId, reserved)) == 1);
    }

    long free(Tx tx, long lotId) throws SQLException {
        return Jdbc.count(tx.c, "SELECT on_hand - reserved FROM tp_inv_balance WHERE lot_id = ?", List.of(lotId));
    }

    /** Issuable stock of one depot × item: free stock of lots that are AVAILABLE and not past expiry. */
    long available(Connection c, long depotId, long itemId, LocalDate today) throws SQLException {
        return Jdbc.count(c, "SELECT COALESCE(SUM(b.on_hand - b.reserved), 0) FROM tp_inv_balance b "
                + "JOIN tp_inv_lot l ON l.id = b.lot_id WHERE b.depot_id = ? AND b.item_id = ? AND "
                + Expiry.issuable("l", "?"), List.of(depotId, itemId, today));
    }
}
