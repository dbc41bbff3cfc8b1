package org.tongpao.inventory.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.Jdbc;

/**
 * First-expiry-first-out picking. A plan is made from one read; its guarded balance updates run at the end
 * of the write, just before commit, in lot-id order (the one lock order every write follows, so concurrent
 * picks cannot deadlock): the balance row, which every writer of a busy item wants, stays locked for the
 * commit only, not for the write's inserts too. A plan overtaken by a concurrent write is retried whole.
 */
record Picker(CoreLookups core, Lots lots, Balances balances) {

    /** A picked quantity of one lot. */
    record Pick(long lotId, long quantity) {
    }

    /** A pick's guarded balance update: take free stock off, or reserve it. */
    record Pending(long lotId, long quantity, boolean reserve) {
    }

    /** A lot with free stock, as the pick reads it: earliest expiry first, lots without expiry last. */
    private record Candidate(long lotId, long free, java.sql.Date expiry) {
        static final Comparator<Candidate> FEFO = Comparator
                .comparing(Candidate::expiry, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Candidate::lotId);
    }

    /** The stock read for a plan changed before its updates ran: roll back and plan again. */
    static final class StalePlan extends DataAccessException {
        private static final long serialVersionUID = 1L;

        StalePlan() {
            super("Stock changed while picking", new SQLException("Stock changed while picking", "40001"));
        }
    }

    /**
     * Picks {@code qty} first-expiry-first-out (or from the named lot) and plans {@code take} (free stock off)
     * or {@code hold} (reserve) for each pick. All or nothing: a shortfall throws 409 and the transaction rolls
     * back; an unknown item is 400 on {@code itemField} (looked up only then: stock found under the item proves
     * it exists).
     */
    List<Pick> pick(Tx tx, long depotId, long itemId, String itemField, long qty, Long lotId, String lotField,
            boolean reserve) throws SQLException {
        applyPending(tx); // a second pick in the same write reads the first one's updates
        if (lotId != null) {
            Lots.requireIssuable(lots.named(tx, lotId, depotId, itemId, lotField));
        }
        List<Candidate> candidates = candidates(tx, depotId, itemId, lotId);
        List<Pick> picks = new ArrayList<>();
        long remaining = qty;
        for (Candidate cand : candidates) {
            if (remaining == 0) {
                break;
            }
            long want = Math.min(remaining, cand.free());
            picks.add(new Pick(cand.lotId(), want));
            remaining -= want;
        }
        if (remaining > 0) {
            if (candidates.isEmpty()) {
                core.item(tx.c, itemId, itemField);
            }
            throw new ConflictException("Not enough available stock of item " + itemId + " in depot " + depotId
                    + ": requested " + qty + ", available " + (qty - remaining));
        }
        for (Pick p : picks) {
            tx.pending.add(new Pending(p.lotId(), p.quantity(), reserve));
        }
        tx.lowered(depotId, itemId);
        return picks;
    }

    private static List<Candidate> candidates(Tx tx, long depotId, long itemId, Long lotId) throws SQLException {
        // a depot holds a handful of lots of an item: ordering them here spares Derby a sort per movement
        List<Candidate> candidates = Jdbc.query(tx.c, "SELECT b.lot_id, b.on_hand - b.reserved, l.expiry_date "
                + "FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                + "WHERE b.depot_id = ? AND b.item_id = ? AND b.on_hand - b.reserved > 0 AND "
                + Expiry.issuable("l", "?") + (lotId != null ? " AND b.lot_id = ?" : ""),
                lotId != null ? List.of(depotId, itemId, tx.today, lotId) : List.of(depotId, itemId, tx.today),
                rs -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getDate(3)));
        candidates.sort(Candidate.FEFO);
        return candidates;
    }

    /** Runs the picks' guarded updates in lot-id order; one that finds its stock gone makes the write retry. */
    void applyPending(Tx tx) throws SQLException {
        tx.pending.sort(Comparator.comparingLong(Pending::lotId));
        for (Pending p : tx.pending) {
            if (!(p.reserve() ? balances.hold(tx, p.lotId(), p.quantity()) : balances.take(tx, p.lotId(), p.quantity()))) {
                throw new StalePlan();
            }
        }
        tx.pending.clear();
    }
}
